package io.metasync.bench;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.metasync.client.MetasyncClient;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.Ticker;
import io.metasync.proto.GetMasterInfoRequest;
import io.metasync.proto.MasterInfo;
import io.metasync.proto.MetasyncMasterInfoGrpc;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Three masters in one journal group, each in a JVM of its own ({@link MasterJvm}) on fixed ports
 * so that a killed member restarts where it was, over one shared root folder.
 */
final class GroupJvms implements AutoCloseable {
  static final int SIZE = 3;

  private final Path folder;
  private final Path ufsRoot;
  private final Ticker ticker;
  private final List<String> settings;
  private final int[] rpcPorts = new int[SIZE];
  private final int[] journalPorts = new int[SIZE];
  private final MasterJvm[] members = new MasterJvm[SIZE];
  private final ManagedChannel[] channels = new ManagedChannel[SIZE];

  GroupJvms(Path folder, Path ufsRoot, Ticker ticker) throws IOException {
    this(folder, ufsRoot, ticker, List.of());
  }

  /**
   * @param settings {@code key=value} configuration of every member, beside the ports and peers
   */
  GroupJvms(Path folder, Path ufsRoot, Ticker ticker, List<String> settings) throws IOException {
    this.folder = folder;
    this.settings = List.copyOf(settings);
    this.ufsRoot = ufsRoot;
    this.ticker = ticker;
    for (int i = 0; i < SIZE; i++) {
      rpcPorts[i] = freePort();
      journalPorts[i] = freePort();
      channels[i] = NettyChannelBuilder.forAddress("localhost", rpcPorts[i]).usePlaintext().build();
    }
    Files.createDirectories(ufsRoot);
  }

  void startAll() throws IOException {
    for (int i = 0; i < SIZE; i++) {
      start(i);
    }
  }

  void start(int member) throws IOException {
    String peers =
        Arrays.stream(journalPorts)
            .mapToObj(port -> "localhost:" + port)
            .collect(Collectors.joining(","));
    List<String> memberSettings =
        new ArrayList<>(
            List.of(
                "metasync.master.hostname=localhost",
                "metasync.master.rpc.port=" + rpcPorts[member],
                "metasync.master.journal.port=" + journalPorts[member],
                "metasync.master.journal.peers=" + peers));
    memberSettings.addAll(settings);
    members[member] =
        new MasterJvm(
            folder.resolve("m" + (member + 1)),
            ufsRoot,
            ticker,
            "-Xmx1g",
            memberSettings.toArray(String[]::new));
    // gRPC fails calls at once for up to two minutes after refused connections: a restarted
    // member would look dead to this group's polls
    channels[member].resetConnectBackoff();
  }

  /** The last {@code lines} lines of {@code member}'s log (it is kept across its restarts). */
  String logTail(int member, int lines) throws IOException {
    List<String> all = Files.readAllLines(folder.resolve("m" + (member + 1)).resolve("master.err"));
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** The running JVM of {@code member}. */
  MasterJvm member(int member) {
    if (members[member] == null) {
      throw new IllegalStateException("m" + (member + 1) + " is not running");
    }
    return members[member];
  }

  /** {@code kill -9} of one member. */
  void kill(int member) throws InterruptedException {
    members[member].kill();
    members[member].close();
    members[member] = null;
  }

  boolean isRunning(int member) {
    return members[member] != null;
  }

  /** The value of {@code metasync.master.rpc.addresses} for this group. */
  String rpcAddresses() {
    return Arrays.stream(rpcPorts)
        .mapToObj(port -> "localhost:" + port)
        .collect(Collectors.joining(","));
  }

  /** What a running member says of itself; empty when it does not answer. */
  Optional<MasterInfo> info(int member) {
    if (!isRunning(member)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          MetasyncMasterInfoGrpc.newBlockingStub(channels[member])
              .withDeadlineAfter(5, TimeUnit.SECONDS)
              .getMasterInfo(GetMasterInfoRequest.getDefaultInstance()));
    } catch (RuntimeException e) {
      channels[member].resetConnectBackoff();
      return Optional.empty();
    }
  }

  /** The member that leads and serves now, if any. */
  Optional<Integer> leader() {
    for (int i = 0; i < SIZE; i++) {
      if (info(i).map(info -> info.getRole().equals("leader")).orElse(false)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The member that leads, once one does (at most a minute). */
  int awaitLeader() throws InterruptedException {
    awaitUntil(() -> leader().isPresent(), ticker, Duration.ofMinutes(1), "a leader");
    return leader().orElseThrow();
  }

  /** A client of the group that follows its leader and answers from the cache (interval -1). */
  MetasyncClient newClient() {
    return MetasyncClient.connect(
        MetasyncConfiguration.of(
            Map.of(
                "metasync.master.rpc.addresses",
                rpcAddresses(),
                "metasync.user.file.metadata.sync.interval",
                "-1")));
  }

  /**
   * Polls {@code done} every 20 ms until it holds; fails naming {@code what} after {@code limit}.
   */
  static void awaitUntil(BooleanSupplier done, Ticker ticker, Duration limit, String what)
      throws InterruptedException {
    long deadline = ticker.nanos() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (ticker.nanos() > deadline) {
        throw new IllegalStateException("no " + what + " within " + limit);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = 0; i < SIZE; i++) {
      if (members[i] != null) {
        members[i].close();
        members[i] = null;
      }
      channels[i].shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
