package io.metasync.master.ha;

import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.master.MasterFixture;
import io.metasync.master.MasterProcess;
import io.metasync.proto.GetMasterInfoRequest;
import io.metasync.proto.MasterInfo;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.proto.MetasyncMasterInfoGrpc;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Three real masters in one JVM, each with its own ports and journal folder, over one shared local
 * root UFS: real Ratis between them, real gRPC to them. A member can be stopped and started again
 * on the same ports and folder.
 */
public final class MasterGroup implements AutoCloseable {
  public static final int SIZE = 3;
  private static final String USER = System.getProperty("user.name");

  private final Path folder;
  private final Map<String, String> extraSettings;
  private final int[] rpcPorts = new int[SIZE];
  private final int[] journalPorts = new int[SIZE];
  private final MasterProcess[] masters = new MasterProcess[SIZE];
  private final ManagedChannel[] channels = new ManagedChannel[SIZE];

  public MasterGroup(Path folder) throws IOException {
    this(folder, Map.of());
  }

  /** A group whose masters all have {@code extraSettings} too. */
  public MasterGroup(Path folder, Map<String, String> extraSettings) throws IOException {
    this.folder = folder;
    this.extraSettings = Map.copyOf(extraSettings);
    for (int i = 0; i < SIZE; i++) {
      rpcPorts[i] = freePort();
      journalPorts[i] = freePort();
    }
    for (int i = 0; i < SIZE; i++) {
      channels[i] = MasterFixture.channelAs(rpcPorts[i], USER);
    }
  }

  /** Starts every master at once (each start returns before a leader is elected). */
  public MasterGroup startAll() {
    for (int i = 0; i < SIZE; i++) {
      start(i);
    }
    return this;
  }

  public void start(int member) {
    masters[member] = MasterProcess.start(conf(member));
  }

  /** A clean stop of one member (its journal takes a snapshot as it stops). */
  public void stop(int member) {
    masters[member].close();
    masters[member] = null;
  }

  public boolean isRunning(int member) {
    return masters[member] != null;
  }

  public MetasyncConfiguration conf(int member) {
    return conf("journal-" + member, rpcPorts[member], journalPorts[member], Map.of());
  }

  /**
   * The settings of a master that joins this group ({@code metasync.master.journal.join}) on the
   * given ports, with its own journal folder, over the same root UFS.
   */
  public MetasyncConfiguration joinerConf(String name, int rpcPort, int journalPort) {
    return conf(name, rpcPort, journalPort, Map.of("metasync.master.journal.join", "true"));
  }

  private MetasyncConfiguration conf(
      String journal, int rpcPort, int journalPort, Map<String, String> more) {
    Map<String, String> settings = new HashMap<>();
    settings.put("metasync.home", folder.toString());
    settings.put("metasync.master.hostname", "localhost");
    settings.put("metasync.master.mount.table.root.ufs", folder.resolve("ufs").toString());
    settings.put("metasync.master.journal.folder", folder.resolve(journal).toString());
    settings.put("metasync.master.rpc.port", String.valueOf(rpcPort));
    settings.put("metasync.master.web.port", "0");
    settings.put("metasync.master.journal.port", String.valueOf(journalPort));
    String peers =
        java.util.Arrays.stream(journalPorts)
            .mapToObj(port -> "localhost:" + port)
            .collect(Collectors.joining(","));
    boolean listed = java.util.Arrays.stream(journalPorts).anyMatch(port -> port == journalPort);
    settings.put(
        "metasync.master.journal.peers", listed ? peers : peers + ",localhost:" + journalPort);
    settings.putAll(extraSettings);
    settings.putAll(more);
    return MetasyncConfiguration.of(settings);
  }

  /** A port nobody listens on now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The member's journal peer, host:port. */
  public String journalAddress(int member) {
    return "localhost:" + journalPorts[member];
  }

  public String rpcAddress(int member) {
    return "localhost:" + rpcPorts[member];
  }

  public MetasyncMasterGrpc.MetasyncMasterBlockingStub stub(int member) {
    return MetasyncMasterGrpc.newBlockingStub(channels[member])
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  public ManagedChannel channel(int member) {
    return channels[member];
  }

  public MasterInfo info(int member) {
    return MetasyncMasterInfoGrpc.newBlockingStub(channels[member])
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .getMasterInfo(GetMasterInfoRequest.getDefaultInstance());
  }

  /** The running member that says it leads, if one does. */
  public Optional<Integer> leader() {
    for (int i = 0; i < SIZE; i++) {
      if (isRunning(i) && info(i).getRole().equals("leader")) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Waits until a running member leads and every running member knows it as the leader (a standby
   * learns the leader from its first message, a moment after the election), and returns it.
   */
  public int awaitLeaderKnownToAll() {
    int leader = awaitLeader();
    String leaderAddress = rpcAddress(leader);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                running().stream()
                    .allMatch(member -> info(member).getLeaderRpcAddress().equals(leaderAddress)));
    return leader;
  }

  /** Waits until a running member leads (and serves), and returns it. */
  public int awaitLeader() {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(this::leader, Optional::isPresent)
        .orElseThrow();
  }

  public List<Integer> running() {
    List<Integer> running = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      if (isRunning(i)) {
        running.add(i);
      }
    }
    return running;
  }

  @Override
  public void close() throws InterruptedException {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    for (int i = 0; i < SIZE; i++) {
      if (masters[i] != null) {
        stop(i);
      }
    }
  }
}
