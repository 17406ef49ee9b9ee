package io.metasync.bench;

import io.metasync.client.CallOptions;
import io.metasync.client.MetasyncClient;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.SyncInterval;
import io.metasync.master.MasterProcess;
import io.metasync.master.Namespace;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A master in this JVM on ephemeral ports, mounting the fixtures at {@code /} with an empty cache,
 * and one client (one gRPC channel) to it. Each has its own home and journal folder, removed on
 * close, so a fresh one always starts cold.
 */
final class BenchMaster implements AutoCloseable {
  /** Interval -1 (answer from the cache), loading what was never loaded once. */
  static final CallOptions CACHED = new CallOptions(SyncInterval.NEVER, LoadType.ONCE);

  /** Interval 0: ask the UFS on every call. */
  static final CallOptions ALWAYS_SYNC = new CallOptions(SyncInterval.ALWAYS, LoadType.ONCE);

  private static final AtomicInteger STARTED = new AtomicInteger();

  private final Path home;
  private final MasterProcess master;
  private final MetasyncClient client;

  private BenchMaster(Path home, MasterProcess master, MetasyncClient client) {
    this.home = home;
    this.master = master;
    this.client = client;
  }

  static BenchMaster start(Path ufsRoot, Path mastersFolder) throws IOException {
    return start(ufsRoot, mastersFolder, UnaryOperator.identity());
  }

  /** As {@link #start(Path, Path)}, every UFS the master opens wrapped by {@code decorator}. */
  static BenchMaster start(
      Path ufsRoot, Path mastersFolder, UnaryOperator<UnderFileSystem> decorator)
      throws IOException {
    return start(ufsRoot, mastersFolder, decorator, Map.of());
  }

  /** As {@link #start(Path, Path)}, with {@code extra} master settings added (or overriding). */
  static BenchMaster start(Path ufsRoot, Path mastersFolder, Map<String, String> extra)
      throws IOException {
    return start(ufsRoot, mastersFolder, UnaryOperator.identity(), extra);
  }

  /** As {@link #start(Path, Path, UnaryOperator)}, with {@code extra} master settings. */
  static BenchMaster start(
      Path ufsRoot,
      Path mastersFolder,
      UnaryOperator<UnderFileSystem> decorator,
      Map<String, String> extra)
      throws IOException {
    Path home = mastersFolder.resolve("master-" + STARTED.incrementAndGet());
    FolderDeletion.delete(home);
    Files.createDirectories(home);
    Map<String, String> settings =
        new HashMap<>(
            Map.of(
                "metasync.home",
                home.toString(),
                "metasync.master.mount.table.root.ufs",
                ufsRoot.toString(),
                "metasync.master.journal.folder",
                home.resolve("journal").toString(),
                "metasync.master.rpc.port",
                "0",
                "metasync.master.web.port",
                "0",
                "metasync.master.journal.port",
                "0"));
    settings.putAll(tuning());
    settings.putAll(extra);
    MetasyncConfiguration conf = MetasyncConfiguration.of(settings);
    MasterProcess master = MasterProcess.start(conf, decorator);
    MetasyncClient client = MetasyncClient.connect("localhost", master.rpcPort(), CACHED);
    client.ping();
    return new BenchMaster(home, master, client);
  }

  /**
   * The {@code -Dmetasync.master.sync.*} system properties of the harness's JVM (through {@code
   * METASYNC_BENCH_JAVA_OPTS}), given to every master it starts: to compare settings such as {@code
   * metasync.master.sync.concurrency} without a rebuild.
   */
  private static Map<String, String> tuning() {
    Map<String, String> tuning = new HashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("metasync.master.sync.")) {
        tuning.put(name, System.getProperty(name));
      }
    }
    return tuning;
  }

  MetasyncClient client() {
    return client;
  }

  /** The master's gRPC port, for clients of its own (metasync:// file systems). */
  int rpcPort() {
    return master.rpcPort();
  }

  /** The master's namespace, to call its operations in-process, without gRPC. */
  Namespace namespace() {
    return master.namespace();
  }

  /** The number of inodes the master caches. */
  long inodeCount() {
    return master.namespace().inodeCount();
  }

  @Override
  public void close() throws IOException {
    client.close();
    master.close();
    FolderDeletion.delete(home);
  }
}
