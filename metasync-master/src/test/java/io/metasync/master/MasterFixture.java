package io.metasync.master;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.metasync.common.CallHeaders;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real master on ephemeral ports over temporary folders, and a gRPC channel to it. Shared by the
 * tests of a class; each UFS it opens can be wrapped by a test decorator.
 */
public final class MasterFixture implements AutoCloseable {
  private final Path rootFolder;
  private final MasterProcess master;
  private final ManagedChannel channel;
  // Channels acting as other users (SIMPLE authentication), by user.
  private final Map<String, ManagedChannel> userChannels =
      new java.util.concurrent.ConcurrentHashMap<>();

  private MasterFixture(Path rootFolder, MasterProcess master) {
    this.rootFolder = rootFolder;
    this.master = master;
    this.channel = channelAs(master.rpcPort(), System.getProperty("user.name"));
  }

  /** A channel whose calls act as {@code user} (SIMPLE authentication: a name, no token). */
  public static ManagedChannel channelAs(int port, String user) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of(CallHeaders.USER, Metadata.ASCII_STRING_MARSHALLER), user);
    return NettyChannelBuilder.forAddress("localhost", port)
        .usePlaintext()
        .intercept(MetadataUtils.newAttachHeadersInterceptor(headers))
        .build();
  }

  public static MasterFixture start(Path folder) throws IOException {
    return start(folder, UnaryOperator.identity(), Map.of());
  }

  public static MasterFixture start(
      Path folder, UnaryOperator<UnderFileSystem> decorator, Map<String, String> settings)
      throws IOException {
    return start(folder, decorator, settings, Clock.systemUTC());
  }

  /** A master on {@code clock}: a manual clock steps active sync's intervals. */
  public static MasterFixture start(
      Path folder,
      UnaryOperator<UnderFileSystem> decorator,
      Map<String, String> settings,
      Clock clock)
      throws IOException {
    Path root = Files.createDirectories(folder.resolve("ufs"));
    Map<String, String> conf = new HashMap<>();
    conf.put("metasync.home", folder.toString());
    conf.put("metasync.master.mount.table.root.ufs", root.toString());
    conf.put("metasync.master.journal.folder", folder.resolve("journal").toString());
    conf.put("metasync.master.rpc.port", "0");
    conf.put("metasync.master.web.port", "0");
    conf.put("metasync.master.journal.port", "0");
    conf.putAll(settings);
    return new MasterFixture(
        root, MasterProcess.start(MetasyncConfiguration.of(conf), decorator, clock));
  }

  /** The local folder mounted at {@code /}, to change behind the master's back. */
  public Path rootFolder() {
    return rootFolder;
  }

  public MasterProcess master() {
    return master;
  }

  public ManagedChannel channel() {
    return channel;
  }

  public MetasyncMasterGrpc.MetasyncMasterBlockingStub stub() {
    return MetasyncMasterGrpc.newBlockingStub(channel);
  }

  /** A channel whose calls act as {@code user}; closed with the fixture. */
  public ManagedChannel channel(String user) {
    return userChannels.computeIfAbsent(user, name -> channelAs(master.rpcPort(), name));
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    for (ManagedChannel userChannel : userChannels.values()) {
      userChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    master.close();
  }
}
