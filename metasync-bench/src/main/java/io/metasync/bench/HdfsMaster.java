package io.metasync.bench;

import io.metasync.client.MetasyncClient;
import io.metasync.client.MountOptions;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.master.MasterProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A master in this JVM on ephemeral ports whose root is an empty local folder and which mounts the
 * HDFS fixtures at {@link #MOUNT} through the client's {@code mount}, with an empty cache, and one
 * client (one gRPC channel) to it. Its HDFS UFS goes through {@link SlowUnderFileSystem}, so the
 * NameNode is as slow for it as {@code latency} says; the local root is left as it is.
 */
final class HdfsMaster implements AutoCloseable {
  /** Where every master mounts {@code hdfs://localhost:PORT/bench}. */
  static final String MOUNT = "/hdfs";

  private static final AtomicInteger STARTED = new AtomicInteger();

  private final Path home;
  private final MasterProcess master;
  private final MetasyncClient client;

  private HdfsMaster(Path home, MasterProcess master, MetasyncClient client) {
    this.home = home;
    this.master = master;
    this.client = client;
  }

  static HdfsMaster start(Path mastersFolder, URI hdfsRoot, NameNodeLatency latency)
      throws IOException {
    Path home = mastersFolder.resolve("hdfs-master-" + STARTED.incrementAndGet());
    FolderDeletion.delete(home);
    Path root = Files.createDirectories(home.resolve("root"));
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
            Map.of(
                "metasync.home",
                home.toString(),
                "metasync.master.mount.table.root.ufs",
                root.toString(),
                "metasync.master.journal.folder",
                home.resolve("journal").toString(),
                "metasync.master.rpc.port",
                "0",
                "metasync.master.web.port",
                "0",
                "metasync.master.journal.port",
                "0"));
    MasterProcess master =
        MasterProcess.start(
            conf,
            ufs ->
                "hdfs".equals(ufs.rootUri().getScheme())
                    ? new SlowUnderFileSystem(ufs, latency)
                    : ufs);
    MetasyncClient client = null;
    try {
      client = MetasyncClient.connect("localhost", master.rpcPort(), BenchMaster.CACHED);
      client.mount(MOUNT, hdfsRoot.toString(), MountOptions.DEFAULTS);
      return new HdfsMaster(home, master, client);
    } catch (RuntimeException e) {
      if (client != null) {
        client.close();
      }
      master.close();
      throw e;
    }
  }

  MetasyncClient client() {
    return client;
  }

  int rpcPort() {
    return master.rpcPort();
  }

  /** The local folder mounted at {@code /}. */
  Path localRoot() {
    return home.resolve("root");
  }

  @Override
  public void close() throws IOException {
    client.close();
    master.close();
    FolderDeletion.delete(home);
  }
}
