package io.metasync.bench;

import io.metasync.bench.ActiveSyncScenario.Target;
import io.metasync.client.MetasyncClient;
import io.metasync.client.MountOptions;
import io.metasync.common.Ticker;
import io.metasync.ufs.hdfs.MiniHdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Active sync over HDFS: the issue's own figures. A MiniDFSCluster in this JVM (its user is the
 * HDFS superuser, which the inotify feed needs), and masters in this JVM that mount {@code
 * hdfs://.../activesync} at {@link #MOUNT}, with {@code metasync.master.activesync.interval=1s}.
 * Changes are made with the Hadoop client behind metasync's back; each part is {@link
 * ActiveSyncScenario}'s, against HDFS instead of a local folder:
 *
 * <ol>
 *   <li>create to visible with interval -1 and load type NEVER, 1,000 changes in waves of 10 and in
 *       waves of 100, default {@code maxactivity} (10) and {@code maxage} (10);
 *   <li>a burst of 100,000 creates from 16 threads into one synced folder, with {@code maxactivity}
 *       10^9 so the quiet-period rule never holds a sync back: the rate at which changes are
 *       applied;
 *   <li>the process's CPU while idle with 100 sync points, all on the one inotify stream.
 * </ol>
 */
final class HdfsActiveSyncScenario {
  private static final String NAME = "hdfsactivesync";
  private static final String MOUNT = "/hdfs";
  private static final String UFS_ROOT = "/activesync";
  static final int CHANGES = 1_000;
  static final int BURST = 100_000;
  private static final int BURST_THREADS = 16;

  private HdfsActiveSyncScenario() {}

  static void run(BenchContext context, Path folder) throws Exception {
    int scale = context.options().scale();
    FolderDeletion.delete(folder);
    Files.createDirectories(folder);
    ResultTable table = context.table();
    Ticker ticker = context.ticker();
    try (MiniHdfs cluster = MiniHdfs.start(folder.resolve("cluster"))) {
      DistributedFileSystem fs = cluster.client();
      Progress.log("%s: MiniDFSCluster at %s", NAME, cluster.uri());
      String uri = cluster.uri(UFS_ROOT).toString();
      UfsChanges changes = UfsChanges.hdfs(fs, UFS_ROOT);
      changes.createFolder("");
      Path root = Files.createDirectories(folder.resolve("root"));
      int changeCount = Math.max(100, CHANGES / scale);
      try (BenchMaster master =
          BenchMaster.start(root, context.mastersFolder(), ActiveSyncScenario.SETTINGS)) {
        Target target = target(master.client(), uri, changes, ticker);
        ActiveSyncScenario.latency(table, target, 10, changeCount, "–");
        ActiveSyncScenario.latency(table, target, 100, changeCount, ActiveSyncScenario.ALLUXIO);
      }
      try (BenchMaster master =
          BenchMaster.start(root, context.mastersFolder(), ActiveSyncScenario.RAW_APPLY)) {
        ActiveSyncScenario.burst(
            table,
            target(master.client(), uri, changes, ticker),
            "burst",
            Math.max(1_000, BURST / scale),
            BURST_THREADS,
            "burst, maxactivity 10^9 (sync at every tick)");
      }
      try (BenchMaster master =
          BenchMaster.start(root, context.mastersFolder(), ActiveSyncScenario.SETTINGS)) {
        ActiveSyncScenario.idleCpu(
            table,
            target(master.client(), uri, changes, ticker),
            Math.max(5, ActiveSyncScenario.IDLE_SECONDS / scale),
            "HDFS inotify is read on the metasync-activesync thread");
      }
    }
    table.note(
        "%s: MiniDFSCluster (1 NameNode, 1 DataNode) in the bench JVM; masters in the bench JVM"
            + " mounting it at %s; interval 1s, maxactivity 10 and maxage 10 unless said",
        NAME, MOUNT);
    FolderDeletion.delete(folder);
  }

  private static Target target(
      MetasyncClient client, String uri, UfsChanges changes, Ticker ticker) {
    client.mount(MOUNT, uri, MountOptions.DEFAULTS);
    return new Target(NAME, client, changes, MOUNT, ticker);
  }
}
