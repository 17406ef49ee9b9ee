package io.metasync.bench;

import io.metasync.common.Ticker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * A full sync, {@code loadMetadata -R} with interval 0, of a 100,000-file tree and of a
 * 100,000-file folder: the first load into an empty cache (a fresh master per round) and a re-sync
 * of the unchanged tree, each against a raw recursive listing of the same tree with attributes. To
 * tell the UFS read from the master's own work, the same trees are also read through metasync's UFS
 * implementation alone. Then the heap each cached inode takes.
 */
final class SyncScenario {
  private static final String NAME = "sync";

  /** The tree walk baseline. */
  @FunctionalInterface
  private interface LocalRead {
    long read() throws Exception;
  }

  private SyncScenario() {}

  static void run(BenchContext context) throws Exception {
    Fixtures fixtures = context.fixtures();
    String tree = fixtures.treePath();
    long treeFiles = fixtures.treeFileCount();
    LocalRead walkTree = () -> LocalListing.walkTree(fixtures.local(tree));
    compare(
        context,
        tree,
        treeFiles,
        fixtures.treeEntries(),
        walkTree,
        "tree",
        "Alluxio: HDFS mount of it 7.0–8.5 s (local: see the folder)");
    String wide = fixtures.widePath();
    LocalRead listWide = () -> LocalListing.listFolder(fixtures.local(wide));
    compare(
        context,
        wide,
        fixtures.wideWidth(),
        fixtures.wideWidth(),
        listWide,
        "folder",
        "Alluxio first loadMetadata -R 9.2–11.9 s (v2 loader 5.6 s); find with stat 0.26–0.29 s");
    try (UfsReading ufs = new UfsReading(fixtures.ufsRoot())) {
      ufsRead(context, ufs, tree, fixtures.treeEntries(), walkTree, "tree");
      ufsRead(context, ufs, wide, fixtures.wideWidth(), listWide, "folder");
    }
    heapPerInode(context);
  }

  private static void ufsRead(
      BenchContext context, UfsReading ufs, String path, long entries, LocalRead local, String kind)
      throws Exception {
    Ticker ticker = context.ticker();
    PairedRounds.Result result =
        PairedRounds.run(
            "UFS read " + path,
            "ms",
            context.options(),
            () -> timed("UFS " + kind, () -> ufs.walk(path), entries, ticker),
            () -> timed("local " + kind, local, entries, ticker));
    context
        .table()
        .add(
            NAME,
            String.format(
                "%s: UFS read alone (LocalUnderFileSystem.list, as a sync reads) vs nio", path),
            "ms",
            result,
            "–");
  }

  private static void compare(
      BenchContext context,
      String path,
      long files,
      long entries,
      LocalRead local,
      String kind,
      String firstLoadReference)
      throws Exception {
    BenchOptions options = context.options();
    Ticker ticker = context.ticker();
    PairedRounds.Result firstLoad =
        PairedRounds.run(
            "sync first load " + path,
            "ms",
            options,
            () -> {
              try (BenchMaster fresh = context.startMaster()) {
                return Listings.timedLoad(
                    fresh.client(), path, BenchMaster.ALWAYS_SYNC, files, ticker);
              }
            },
            () -> timed("local " + kind, local, entries, ticker));
    context
        .table()
        .add(
            NAME,
            String.format(
                "%s (%,d files): first loadMetadata -R, interval 0, empty cache", path, files),
            "ms",
            firstLoad,
            firstLoadReference);
    try (BenchMaster master = context.startMaster()) {
      Progress.log("sync: first load of %s for the re-sync rounds", path);
      Listings.timedLoad(master.client(), path, BenchMaster.ALWAYS_SYNC, files, ticker);
      PairedRounds.Result resync =
          PairedRounds.run(
              "sync re-sync " + path,
              "ms",
              options,
              () ->
                  Listings.timedLoad(master.client(), path, BenchMaster.ALWAYS_SYNC, files, ticker),
              () -> timed("local " + kind, local, entries, ticker));
      context
          .table()
          .add(
              NAME,
              String.format("%s: re-sync of the unchanged %s, interval 0", path, kind),
              "ms",
              resync,
              "–");
    }
  }

  private static double timed(String what, LocalRead local, long expected, Ticker ticker)
      throws Exception {
    long start = ticker.nanos();
    long count = local.read();
    double millis = (ticker.nanos() - start) / 1e6;
    Listings.check(what, count, expected);
    return millis;
  }

  /** Heap after a full GC, before and after one master loads every fixture. */
  private static void heapPerInode(BenchContext context) throws Exception {
    Fixtures fixtures = context.fixtures();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (BenchMaster master = context.startMaster()) {
      long inodesBefore = master.inodeCount();
      long heapBefore = usedHeapAfterGc(memory);
      for (String path : new String[] {fixtures.treePath(), fixtures.widePath()}) {
        master
            .client()
            .withOptions(BenchMaster.ALWAYS_SYNC)
            .loadMetadata(path, true, progress -> {});
      }
      long heapAfter = usedHeapAfterGc(memory);
      long inodes = master.inodeCount() - inodesBefore;
      context
          .table()
          .note(
              "heap per cached inode: %,d B (%,d inodes, %,d MB after full GC, master and its sync"
                  + " caches included); Alluxio 2.9.6: 1,287 B (HEAP store)",
              (heapAfter - heapBefore) / inodes, inodes, (heapAfter - heapBefore) >> 20);
    }
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
