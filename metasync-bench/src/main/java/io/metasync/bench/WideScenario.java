package io.metasync.bench;

import io.metasync.client.CloseableIterator;
import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.common.Ticker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

/**
 * {@code --files} files (default 1,000,000) in one folder, or spread over {@code --folders}
 * subfolders (a {@link WideFixture}), end to end in a master JVM with a small heap ({@code
 * --master-heap}, default 512m), to show that a wide folder or a big tree is synced, listed and
 * restarted in bounded memory: the first {@code loadMetadata -R} (interval 0) against a raw listing
 * of the same tree (nio + attributes) taken side by side, the cached {@code ls} of the folder (or
 * {@code ls -R} of the tree: time to first entry and total), the master's peak resident memory
 * ({@code VmHWM}), and the restart after a clean stop and after {@code kill -9}. The tree takes
 * minutes to create: it is kept under {@code --dir} and reused while its marker file says it holds
 * that shape. Not part of {@code all}.
 */
final class WideScenario {
  private static final String NAME = "wide";
  private static final String METASTORE = "metasync.bench.metastore";

  private WideScenario() {}

  static void run(BenchContext context, Path folder) throws Exception {
    BenchOptions options = context.options();
    Path ufsRoot = folder.resolve("ufs");
    WideFixture tree = new WideFixture(ufsRoot, options.wideFiles(), options.wideFolders());
    long files = tree.files();
    String path = tree.path();
    Ticker ticker = context.ticker();
    tree.prepare(ticker);
    ResultTable table = context.table();
    String heap = "-Xmx" + options.masterHeap();
    // the inode store of the masters: -Dmetasync.bench.metastore=HEAP in METASYNC_BENCH_JAVA_OPTS
    String store = "metasync.master.metastore=" + System.getProperty(METASTORE, "ROCKS");
    Path masters = context.mastersFolder().resolve("wide");
    FolderDeletion.delete(masters);

    int rounds = Math.max(1, Math.min(3, options.measuredRounds()));
    List<Double> loads = new ArrayList<>();
    List<Double> raws = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    long peakAfterLoad = 0;
    Path home = null;
    for (int round = 0; round < rounds; round++) {
      home = masters.resolve("master-" + round);
      FolderDeletion.delete(home);
      double rawFirst = round % 2 == 0 ? tree.rawListing(ticker) : -1;
      double load;
      try (MasterJvm master = new MasterJvm(home, ufsRoot, ticker, heap, store);
          MetasyncClient client =
              MetasyncClient.connect("localhost", master.port, BenchMaster.CACHED)) {
        Progress.log(
            "wide: round %d/%d: loadMetadata -R %s in a %s master", round + 1, rounds, path, heap);
        load = Listings.timedLoad(client, path, BenchMaster.ALWAYS_SYNC, files, ticker);
        peakAfterLoad = Math.max(peakAfterLoad, master.residentMemory()[0]);
        if (round < rounds - 1) {
          master.kill();
        } else {
          master.stop();
        }
      }
      double raw = rawFirst >= 0 ? rawFirst : tree.rawListing(ticker);
      Progress.log(
          "wide: round %d/%d: load %,.0f ms, raw listing %,.0f ms, ratio %.2f",
          round + 1, rounds, load, raw, load / raw);
      loads.add(load);
      raws.add(raw);
      ratios.add(load / raw);
    }
    Summary load = Summary.of(loads);
    Summary raw = Summary.of(raws);
    Summary ratio = Summary.of(ratios);
    table.figure(
        NAME,
        String.format(
            Locale.ROOT,
            "%s (%,d files in %,d folders): first loadMetadata -R, interval 0, %s master, "
                + "vs raw listing (nio + attributes), %d rounds",
            path,
            files,
            tree.folders(),
            heap,
            rounds),
        String.format(
            Locale.ROOT,
            "%,.0f ms (%,.0f–%,.0f) vs %,.0f ms (%,.0f–%,.0f): ratio %.2f " + "(%.2f–%.2f)",
            load.median(),
            load.min(),
            load.max(),
            raw.median(),
            raw.min(),
            raw.max(),
            ratio.median(),
            ratio.min(),
            ratio.max()),
        "Alluxio 2.9.6: 100,000 files in 9.2–11.9 s");
    table.figure(
        NAME, "master peak resident memory (VmHWM) after the load", mb(peakAfterLoad), "–");

    // The last round's master stopped cleanly (snapshot on close): restart it, list, kill, again.
    long journalBytes = RestartScenario.folderSize(home.resolve("journal"));
    try (MasterJvm master = new MasterJvm(home, ufsRoot, ticker, heap, store);
        MetasyncClient client =
            MetasyncClient.connect("localhost", master.port, BenchMaster.CACHED)) {
      Listings.check("inodes after a clean restart", master.inodes, tree.inodes());
      table.figure(
          NAME, "restart after a clean stop, JVM launch to serving", ms(master.startMillis), "–");
      for (int i = 1; i <= 2; i++) {
        double[] ls = timedList(client, tree, ticker);
        table.figure(
            NAME,
            lsName(tree) + " (" + i + "), after a clean restart: first entry / all entries",
            ms(ls[0]) + " / " + ms(ls[1]),
            "–");
      }
      table.figure(
          NAME,
          "master peak resident memory after a restart and two listings",
          mb(master.residentMemory()[0]),
          "–");
      master.kill();
    }
    try (MasterJvm master = new MasterJvm(home, ufsRoot, ticker, heap, store);
        MetasyncClient client =
            MetasyncClient.connect("localhost", master.port, BenchMaster.CACHED)) {
      Listings.check("inodes after kill -9", master.inodes, tree.inodes());
      table.figure(
          NAME,
          "restart after kill -9 (no writes since the snapshot), JVM launch to " + "serving",
          ms(master.startMillis),
          "–");
      double[] ls = timedList(client, tree, ticker);
      table.figure(
          NAME,
          lsName(tree) + " after kill -9 and restart: first entry / all",
          ms(ls[0]) + " / " + ms(ls[1]),
          "–");
      cachedGetStatus(table, NAME, client, tree::filePath, files, ticker);
      table.figure(
          NAME,
          "master peak resident memory, restart and listing after kill -9",
          mb(master.residentMemory()[0]),
          "–");
      master.stop();
    }
    table.note(
        "wide: %s; journal folder %s after the first clean stop; master JVM %s",
        store, mb(journalBytes), heap);
  }

  /**
   * Cached {@code getStatus} of files picked at random across the whole folder (so most miss the
   * master's inode cache and read RocksDB): latency from one thread, then calls per second from 8.
   */
  static void cachedGetStatus(
      ResultTable table,
      String scenario,
      MetasyncClient client,
      LongFunction<String> filePath,
      long files,
      Ticker ticker)
      throws Exception {
    Random random = new Random(files);
    int calls = 20_000;
    long[] latencies = new long[calls];
    for (int i = 0; i < calls; i++) {
      String file = filePath.apply(Math.floorMod(random.nextLong(), files));
      long start = ticker.nanos();
      client.withOptions(BenchMaster.CACHED).getStatus(file);
      latencies[i] = ticker.nanos() - start;
    }
    table.figure(
        scenario,
        String.format(
            Locale.ROOT,
            "cached getStatus of random files, 1 thread (%,d calls): p50 / p99",
            calls),
        String.format(
            Locale.ROOT,
            "%.0f / %.0f µs",
            Summary.percentile(latencies, calls, 0.50) / 1e3,
            Summary.percentile(latencies, calls, 0.99) / 1e3),
        "Alluxio 2.9.6: p50 234–290 µs (1 thread)");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      double perSecond =
          Throughput.callsPerSecond(
              pool,
              8,
              index ->
                  client
                      .withOptions(BenchMaster.CACHED)
                      .getStatus(filePath.apply(Math.floorMod(index * 7_919L, files))),
              10_000_000_000L,
              ticker);
      table.figure(
          scenario,
          "cached getStatus of random files, 8 threads, 10 s",
          String.format(Locale.ROOT, "%,.0f calls/s", perSecond),
          "Alluxio 2.9.6: 8.5–13.9k ops/s");
    } finally {
      pool.shutdownNow();
    }
  }

  private static String lsName(WideFixture tree) {
    return tree.folders() == 1
        ? "cached ls of the folder"
        : String.format(Locale.ROOT, "cached ls -R of the tree (%,d entries)", tree.entries());
  }

  /** A cached {@code ls} of a wide folder, or {@code ls -R} of a tree. */
  private static double[] timedList(MetasyncClient client, WideFixture tree, Ticker ticker) {
    return timedList(client, tree.path(), tree.folders() > 1, tree.entries(), ticker);
  }

  /** Milliseconds to the first entry and to the last of a cached listing of {@code path}. */
  static double[] timedList(
      MetasyncClient client, String path, boolean recursive, long expected, Ticker ticker) {
    long start = ticker.nanos();
    double first = -1;
    long count = 0;
    try (CloseableIterator<FileStatus> entries =
        client.withOptions(BenchMaster.CACHED).listStatus(path, recursive)) {
      while (entries.hasNext()) {
        entries.next();
        if (count++ == 0) {
          first = (ticker.nanos() - start) / 1e6;
        }
      }
    }
    double all = (ticker.nanos() - start) / 1e6;
    Listings.check("ls " + path, count, expected);
    return new double[] {first, all};
  }

  static String ms(double millis) {
    return String.format(Locale.ROOT, "%,.0f ms", millis);
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
  }
}
