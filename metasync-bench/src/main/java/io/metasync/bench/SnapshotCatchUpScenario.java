package io.metasync.bench;

import io.metasync.client.MetasyncClient;
import io.metasync.common.Ticker;
import io.metasync.proto.MasterInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * High availability (issue 16, item 5): a standby that missed a whole first load catches up from
 * the leader's snapshot (its RocksDB checkpoint, streamed by Ratis), not by replaying the log and
 * not by reading the UFS again. Three masters in JVMs of their own with a short log retention; one
 * standby is killed; the group loads a tree of {@link #FILES} files ({@code loadMetadata -R}); the
 * standby is restarted and timed until it has applied the leader's index and holds as many inodes.
 * Its log must show that it loaded a snapshot.
 */
final class SnapshotCatchUpScenario {
  private static final String NAME = "catchup";
  private static final long FILES = 1_000_000;
  private static final int FOLDERS = 1_000;

  /**
   * Snapshots often, and keeps a short log behind each, so that the killed standby, whose last
   * entry is from before the load, can only catch up from a snapshot.
   */
  private static final List<String> SHORT_LOG =
      List.of(
          "metasync.master.journal.checkpoint.period.entries=500",
          "metasync.master.journal.log.retained.entries=100");

  private SnapshotCatchUpScenario() {}

  static void run(BenchContext context, Path folder) throws Exception {
    Ticker ticker = context.ticker();
    int scale = context.options().scale();
    WideFixture tree =
        new WideFixture(folder.resolve("ufs"), FILES / scale, Math.max(1, FOLDERS / scale));
    tree.prepare(ticker); // kept for the next run, as the wide scenario keeps its tree
    Path groupFolder = folder.resolve("group");
    FolderDeletion.delete(groupFolder);
    String loadBefore = LoadAverage.now();
    try (GroupJvms group = new GroupJvms(groupFolder, tree.ufsRoot(), ticker, SHORT_LOG)) {
      group.startAll();
      int leader = group.awaitLeader();
      int standby = (leader + 1) % GroupJvms.SIZE;
      group.kill(standby);
      Progress.log("catchup: killed the standby m%d; loading %s", standby + 1, tree.path());
      double loadMs;
      try (MetasyncClient client = group.newClient()) {
        long start = ticker.nanos();
        client.loadMetadata(tree.path(), true, progress -> {});
        loadMs = (ticker.nanos() - start) / 1e6;
      }
      leader = group.awaitLeader();
      MasterInfo leaderInfo = group.info(leader).orElseThrow();
      Progress.log(
          "catchup: the group loaded %,d inodes in %.0f ms; restarting m%d",
          leaderInfo.getInodeCount(), loadMs, standby + 1);
      long start = ticker.nanos();
      group.start(standby);
      double startMs = (ticker.nanos() - start) / 1e6;
      GroupJvms.awaitUntil(
          () ->
              group
                  .info(standby)
                  .map(
                      info ->
                          info.getAppliedIndex() >= leaderInfo.getAppliedIndex()
                              && info.getInodeCount() == leaderInfo.getInodeCount())
                  .orElse(false),
          ticker,
          Duration.ofMinutes(10),
          "catch-up of m" + (standby + 1));
      double catchUpMs = (ticker.nanos() - start) / 1e6;
      long snapshotLoadMs = group.member(standby).snapshotLoadMillis();
      if (snapshotLoadMs < 0) {
        throw new IllegalStateException(
            "catchup: m" + (standby + 1) + " caught up without loading a snapshot; see its log");
      }
      context
          .table()
          .figure(
              NAME,
              String.format(
                  Locale.ROOT,
                  "a standby that missed a first load of %,d files catches up from the leader's"
                      + " snapshot: restart to the leader's applied index and inode count",
                  tree.files()),
              String.format(
                  Locale.ROOT,
                  "%,.0f ms (JVM start to serving as a standby %,.0f ms; snapshot loaded in %,d"
                      + " ms; %,d inodes)",
                  catchUpMs,
                  startMs,
                  snapshotLoadMs,
                  leaderInfo.getInodeCount()),
              String.format(
                  Locale.ROOT,
                  "reference: the group's first load of the same tree took %,.0f ms",
                  loadMs));
    }
    context
        .table()
        .note("catchup: load average before %s, after %s", loadBefore, LoadAverage.now());
    FolderDeletion.delete(groupFolder);
  }
}
