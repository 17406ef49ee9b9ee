package io.metasync.bench;

import io.metasync.client.MetasyncClient;
import io.metasync.common.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The RocksDB inode store against the heap one, side by side at 1,000,000 inodes (the restart
 * scenario's tree of 1,000 folders of 1,000 files), each master in a JVM of its own ({@code
 * -Xmx2g}): first {@code loadMetadata -R} (interval 0), used heap after full GCs, cached {@code
 * getStatus} of random files (1 thread: ops/s, p50, p99; 8 threads: ops/s) in alternating slices,
 * RocksDB size on disk, the snapshot written at a clean stop, and the restart from it. In the table
 * "metasync" is ROCKS and "baseline" is HEAP.
 */
final class MetastoreScenario {
  private static final String NAME = "metastore";
  private static final String TREE = "/tree-1000x1000";
  private static final int FOLDERS = 1_000;
  private static final int FILES = 1_000;
  private static final int THREADS = 8;
  private static final int PATHS = 100_000;
  private static final List<String> STORES = List.of("ROCKS", "HEAP");

  private MetastoreScenario() {}

  /** One master and what was measured of it. */
  private static final class Side {
    final String store;
    final Path home;
    final Ticker ticker;
    MasterJvm child;
    MetasyncClient client;
    long heapEmpty;
    long[] heapLoaded;
    double loadMs;
    final List<Double> singleOps = new ArrayList<>();
    final List<Double> p50 = new ArrayList<>();
    final List<Double> p99 = new ArrayList<>();
    final List<Double> multiOps = new ArrayList<>();
    long metastoreBytes;
    double stopMs;
    double snapshotWriteMs;
    long snapshotBytes;
    double restartMs;
    double snapshotLoadMs;
    long[] heapRestarted;
    long rssLoadedKb;
    long peakRssKb;
    long rssRestartedKb;

    Side(String store, Path home, Ticker ticker) {
      this.store = store;
      this.home = home;
      this.ticker = ticker;
    }

    MasterJvm start(Path ufsRoot) throws Exception {
      child = new MasterJvm(home, ufsRoot, ticker, "-Xmx2g", "metasync.master.metastore=" + store);
      client = MetasyncClient.connect("localhost", child.port, BenchMaster.CACHED);
      return child;
    }

    void stop() throws Exception {
      client.close();
      stopMs = child.stop();
      child.close();
    }
  }

  static void run(BenchContext context) throws Exception {
    Ticker ticker = context.ticker();
    Path ufsRoot = context.fixtures().ufsRoot().getParent().resolve("restart-ufs");
    RestartScenario.prepareTree(ufsRoot, ticker);
    Path masters = context.mastersFolder().resolve(NAME);
    FolderDeletion.delete(masters);
    long expected = (long) FOLDERS * FILES;
    Map<String, Side> sides = new LinkedHashMap<>();
    for (String store : STORES) {
      sides.put(
          store,
          new Side(store, masters.resolve(store.toLowerCase(java.util.Locale.ROOT)), ticker));
    }
    try {
      for (Side side : sides.values()) {
        side.start(ufsRoot);
        side.heapEmpty = side.child.heap()[0];
        Progress.log("metastore: %s: loading %s (%,d files)", side.store, TREE, expected);
        side.loadMs =
            Listings.timedLoad(side.client, TREE, BenchMaster.ALWAYS_SYNC, expected, ticker);
        side.heapLoaded = side.child.heap();
        side.rssLoadedKb = residentKb(side.child, "VmRSS");
        side.peakRssKb = residentKb(side.child, "VmHWM");
        Progress.log("metastore: %s: loaded in %.1f s", side.store, side.loadMs / 1e3);
      }
      measureGetStatus(context, sides);
      for (Side side : sides.values()) {
        side.stop();
        // after the stop, which flushed RocksDB's memtables into the checkpoint's tables
        side.metastoreBytes = RestartScenario.folderSize(side.home.resolve("journal/metastore"));
        side.snapshotWriteMs = side.child.snapshotWriteMillis();
        side.snapshotBytes = newestSnapshotBytes(side.home.resolve("journal"));
        Progress.log(
            "metastore: %s: clean stop %.1f s (snapshot written in %.0f ms, %,d MB)",
            side.store, side.stopMs / 1e3, side.snapshotWriteMs, side.snapshotBytes >> 20);
      }
      for (Side side : sides.values()) {
        side.start(ufsRoot);
        side.restartMs = side.child.startMillis;
        side.snapshotLoadMs = side.child.snapshotLoadMillis();
        Listings.check("inodes after a restart", side.child.inodes, side.heapLoaded[1]);
        side.heapRestarted = side.child.heap();
        side.rssRestartedKb = residentKb(side.child, "VmRSS");
        side.stop();
        Progress.log(
            "metastore: %s: restart %.1f s (snapshot loaded in %.0f ms)",
            side.store, side.restartMs / 1e3, side.snapshotLoadMs);
      }
    } finally {
      for (Side side : sides.values()) {
        if (side.child != null) {
          side.child.close();
        }
      }
    }
    report(context.table(), sides.get("ROCKS"), sides.get("HEAP"), expected);
    FolderDeletion.delete(masters);
  }

  private static void measureGetStatus(BenchContext context, Map<String, Side> sides)
      throws Exception {
    String[] paths = new String[PATHS];
    Random random = new Random(8);
    for (int i = 0; i < PATHS; i++) {
      int file = random.nextInt(FOLDERS * FILES);
      paths[i] =
          TREE + "/" + Fixtures.folderName(file / FILES) + "/" + Fixtures.fileName(file % FILES);
    }
    BenchOptions options = context.options();
    long sliceNanos = (long) (options.sliceSeconds() * 1e9);
    Ticker ticker = context.ticker();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < options.warmupRounds() + options.measuredRounds(); round++) {
        boolean measured = round >= options.warmupRounds();
        for (Side side : sides.values()) {
          MetasyncClient client = side.client;
          Throughput.Latencies single =
              Throughput.singleThread(
                  index -> client.withOptions(BenchMaster.CACHED).getStatus(paths[index % PATHS]),
                  sliceNanos,
                  ticker);
          double multi =
              Throughput.callsPerSecond(
                  pool,
                  THREADS,
                  index -> client.withOptions(BenchMaster.CACHED).getStatus(paths[index % PATHS]),
                  sliceNanos,
                  ticker);
          Progress.log(
              "metastore: %s round %d: 1 thread %.0f ops/s (p50 %.0f µs, p99 %.0f µs), %d threads"
                  + " %.0f ops/s",
              side.store,
              round + 1,
              single.callsPerSecond(),
              single.p50Micros(),
              single.p99Micros(),
              THREADS,
              multi);
          if (measured) {
            side.singleOps.add(single.callsPerSecond());
            side.p50.add(single.p50Micros());
            side.p99.add(single.p99Micros());
            side.multiOps.add(multi);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void report(ResultTable table, Side rocks, Side heap, long inodes) {
    table.add(
        NAME,
        "first loadMetadata -R of 1,000,000 files (interval 0): ROCKS vs HEAP",
        "ms",
        new PairedRounds.Result(List.of(rocks.loadMs), List.of(heap.loadMs)),
        "Alluxio 100,000-file folder 9.2–11.9 s");
    table.add(
        NAME,
        "cached getStatus of random files, 1 thread: ROCKS vs HEAP",
        "ops/s",
        new PairedRounds.Result(rocks.singleOps, heap.singleOps),
        "Alluxio 3.0–3.8k ops/s");
    table.add(
        NAME,
        "  p50 latency",
        "µs",
        new PairedRounds.Result(rocks.p50, heap.p50),
        "Alluxio p50 234–290 µs");
    table.add(NAME, "  p99 latency", "µs", new PairedRounds.Result(rocks.p99, heap.p99), "–");
    table.add(
        NAME,
        "cached getStatus of random files, " + THREADS + " threads: ROCKS vs HEAP",
        "ops/s",
        new PairedRounds.Result(rocks.multiOps, heap.multiOps),
        "Alluxio 8.5–13.9k ops/s");
    table.add(
        NAME,
        "clean stop (snapshot): ROCKS vs HEAP",
        "ms",
        new PairedRounds.Result(List.of(rocks.stopMs), List.of(heap.stopMs)),
        "–");
    table.add(
        NAME,
        "  of which writing the snapshot",
        "ms",
        new PairedRounds.Result(List.of(rocks.snapshotWriteMs), List.of(heap.snapshotWriteMs)),
        "–");
    table.add(
        NAME,
        "restart from that snapshot, JVM launch to serving: ROCKS vs HEAP",
        "ms",
        new PairedRounds.Result(List.of(rocks.restartMs), List.of(heap.restartMs)),
        "–");
    table.add(
        NAME,
        "  of which loading the snapshot",
        "ms",
        new PairedRounds.Result(List.of(rocks.snapshotLoadMs), List.of(heap.snapshotLoadMs)),
        "–");
    for (Side side : List.of(rocks, heap)) {
      table.note(
          "metastore %s: heap per inode (used after full GCs, minus the empty master's) %,d B after"
              + " the load, %,d B after a restart",
          side.store,
          (side.heapLoaded[0] - side.heapEmpty) / inodes,
          (side.heapRestarted[0] - side.heapEmpty) / inodes);
      table.note(
          "metastore %s: master resident memory (RSS, -Xmx2g) %,d MB after the load (peak %,d MB),"
              + " %,d MB after the restart",
          side.store, side.rssLoadedKb >> 10, side.peakRssKb >> 10, side.rssRestartedKb >> 10);
    }
    table.note(
        "metastore: on disk after the clean stop: RocksDB folder %,.1f MB (%.0f B per inode); ROCKS"
            + " snapshot %,.1f MB (a small file plus the checkpoint folder, whose tables are hard"
            + " links to the store's, so no extra disk until compaction replaces them); HEAP"
            + " snapshot %,.1f MB (every inode in the file)",
        rocks.metastoreBytes / 1048576.0,
        (double) rocks.metastoreBytes / inodes,
        rocks.snapshotBytes / 1048576.0,
        heap.snapshotBytes / 1048576.0);
  }

  /** A {@code /proc/<pid>/status} figure of the master JVM in kB (Linux), or -1. */
  private static long residentKb(MasterJvm child, String field) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(child.process.pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      // not Linux: no figure
    }
    return -1;
  }

  /** The newest snapshot file plus its files folder, in bytes. */
  private static long newestSnapshotBytes(Path journal) throws Exception {
    Path newest;
    try (Stream<Path> files = Files.walk(journal)) {
      newest =
          files
              .filter(p -> p.getFileName().toString().matches("snapshot\\.\\d+_\\d+"))
              .max(
                  (a, b) ->
                      Long.compare(
                          Long.parseLong(a.getFileName().toString().replaceAll(".*_", "")),
                          Long.parseLong(b.getFileName().toString().replaceAll(".*_", ""))))
              .orElse(null);
    }
    if (newest == null) {
      return 0;
    }
    return Files.size(newest)
        + RestartScenario.folderSize(newest.resolveSibling(newest.getFileName() + ".files"));
  }
}
