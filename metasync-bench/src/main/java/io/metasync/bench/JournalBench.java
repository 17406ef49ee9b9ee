package io.metasync.bench;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.Ticker;
import io.metasync.master.journal.JournaledState;
import io.metasync.master.journal.RatisJournal;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.RemoveMount;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/**
 * Journal writes per second with tiny entries, from 1 and 8 threads, each thread blocking on its
 * own write: through {@link RatisJournal#write}, and through the two ways of proposing to a bare
 * Ratis server (in-process {@code submitClientRequestAsync} and an async {@code RaftClient} over
 * gRPC).
 *
 * <p>{@code java -cp ... io.metasync.bench.JournalBench [seconds per run, default 5]}
 */
public final class JournalBench {
  private JournalBench() {}

  /** Proposes one entry and waits until it is applied. */
  private interface Writer {
    void write(int thread, long sequence) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    // run on its own, not through BenchMain: this main owns the time source
    Ticker ticker = Ticker.system();
    Path folder = Files.createTempDirectory("journal-bench");
    try {
      System.out.printf("%-36s %8s %12s %12s%n", "path", "threads", "writes/s", "mean us");
      benchJournal(folder.resolve("journal"), seconds, ticker);
      benchRawRatis(folder.resolve("raw"), seconds, ticker);
    } finally {
      deleteRecursively(folder);
    }
  }

  private static void benchJournal(Path folder, double seconds, Ticker ticker) throws Exception {
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
            Map.of(
                "metasync.master.journal.folder",
                folder.toString(),
                "metasync.master.journal.port",
                "0"));
    try (RatisJournal journal = RatisJournal.open(conf, new CountingState())) {
      Writer writer = (thread, sequence) -> journal.write(entry(thread, sequence));
      run("RatisJournal.write (warm-up)", 8, seconds / 2, writer, ticker);
      run("RatisJournal.write", 1, seconds, writer, ticker);
      run("RatisJournal.write", 8, seconds, writer, ticker);
      run("RatisJournal.write", 64, seconds, writer, ticker);
    }
  }

  private static void benchRawRatis(Path folder, double seconds, Ticker ticker) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RaftPeer peer =
        RaftPeer.newBuilder()
            .setId(RaftPeerId.valueOf("bench"))
            .setAddress("localhost:" + port)
            .build();
    RaftGroup group = RaftGroup.valueOf(RaftGroupId.valueOf(UUID.randomUUID()), peer);
    RaftProperties properties = new RaftProperties();
    RaftConfigKeys.Rpc.setType(properties, SupportedRpcType.GRPC);
    RaftServerConfigKeys.setStorageDir(properties, List.of(folder.toFile()));
    GrpcConfigKeys.Server.setPort(properties, port);
    BaseStateMachine stateMachine = new BaseStateMachine();
    try (RaftServer server =
            RaftServer.newBuilder()
                .setServerId(peer.getId())
                .setGroup(group)
                .setStateMachine(stateMachine)
                .setProperties(properties)
                .setOption(RaftStorage.StartupOption.FORMAT)
                .build();
        RaftClient client =
            RaftClient.newBuilder()
                .setProperties(properties)
                .setRaftGroup(group)
                .setClientId(ClientId.randomId())
                .build()) {
      server.start();
      // the first write waits for the election
      client.io().send(Message.valueOf("hello"));

      ClientId clientId = ClientId.randomId();
      AtomicLong callIds = new AtomicLong();
      Writer inProcess =
          (thread, sequence) -> {
            RaftClientRequest request =
                RaftClientRequest.newBuilder()
                    .setClientId(clientId)
                    .setServerId(peer.getId())
                    .setGroupId(group.getGroupId())
                    .setCallId(callIds.incrementAndGet())
                    .setMessage(
                        Message.valueOf(ByteString.copyFrom(entry(thread, sequence).toByteArray())))
                    .setType(RaftClientRequest.writeRequestType())
                    .build();
            check(server.submitClientRequestAsync(request).get());
          };
      Writer overGrpc =
          (thread, sequence) ->
              check(
                  client
                      .async()
                      .send(
                          Message.valueOf(
                              ByteString.copyFrom(entry(thread, sequence).toByteArray())))
                      .get());
      run("raw Ratis in-process (warm-up)", 8, seconds / 2, inProcess, ticker);
      run("raw Ratis in-process submit", 1, seconds, inProcess, ticker);
      run("raw Ratis in-process submit", 8, seconds, inProcess, ticker);
      run("raw Ratis async RaftClient (warm-up)", 8, seconds / 2, overGrpc, ticker);
      run("raw Ratis async RaftClient", 1, seconds, overGrpc, ticker);
      run("raw Ratis async RaftClient", 8, seconds, overGrpc, ticker);
    }
  }

  private static void check(RaftClientReply reply) {
    if (!reply.isSuccess()) {
      throw new IllegalStateException(reply.getException());
    }
  }

  private static void run(String name, int threads, double seconds, Writer writer, Ticker ticker)
      throws Exception {
    long deadline = ticker.nanos() + (long) (seconds * 1e9);
    LongAdder writes = new LongAdder();
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    long start = ticker.nanos();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (long i = 0; ticker.nanos() < deadline; i++) {
                    writer.write(thread, i);
                    writes.increment();
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              runnable -> new Thread(runnable, "bench-" + thread).start()));
    }
    CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
    double elapsed = (ticker.nanos() - start) / 1e9;
    double perSecond = writes.sum() / elapsed;
    System.out.printf(
        "%-36s %8d %12.0f %12.0f%n", name, threads, perSecond, threads * 1e6 / perSecond);
  }

  private static JournalEntry entry(int thread, long sequence) {
    return JournalEntry.newBuilder()
        .setRemoveMount(RemoveMount.newBuilder().setPath("/t" + thread + "/" + sequence))
        .build();
  }

  /** The smallest state: counts entries; its snapshot is the count. */
  private static final class CountingState implements JournaledState {
    private long applied;

    @Override
    public synchronized void apply(JournalEntry entry) {
      applied++;
    }

    @Override
    public synchronized void writeSnapshot(OutputStream out) throws IOException {
      out.write(Long.toString(applied).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void loadSnapshot(InputStream in) throws IOException {
      applied =
          Long.parseLong(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
