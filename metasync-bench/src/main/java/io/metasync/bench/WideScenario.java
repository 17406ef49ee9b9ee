package io.metasync.bench;

import io.metasync.client.CloseableIterator;
import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One folder of {@code --files} files (default 1,000,000), end to end in a master JVM with a small
 * heap ({@code --master-heap}, default 512m), to show that a wide folder is synced, listed and
 * restarted in bounded memory: the first {@code loadMetadata -R} (interval 0) against a raw listing
 * of the folder (nio + attributes) taken side by side, the cached {@code ls} of the folder (time to
 * first entry and total), the master's peak resident memory ({@code VmHWM}), and the restart after
 * a clean stop and after {@code kill -9}. The folder takes minutes to create: it is kept under
 * {@code --dir} and reused while its marker file says it holds that many files. Not part of {@code
 * all}.
 */
final class WideScenario {
  private static final String NAME = "wide";
  private static final String METASTORE = "metasync.bench.metastore";

  private WideScenario() {}

  static void run(BenchContext context, Path folder) throws Exception {
    BenchOptions options = context.options();
    long files = options.wideFiles();
    Path ufsRoot = folder.resolve("ufs");
    String path = "/wide-" + files;
    Path wide = ufsRoot.resolve(path.substring(1));
    prepare(folder, wide, files);
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
      double rawFirst = round % 2 == 0 ? rawListing(wide, files) : -1;
      double load;
      try (MasterJvm master = new MasterJvm(home, ufsRoot, heap, store);
          MetasyncClient client =
              MetasyncClient.connect("localhost", master.port, BenchMaster.CACHED)) {
        Progress.log(
            "wide: round %d/%d: loadMetadata -R %s in a %s master", round + 1, rounds, path, heap);
        load = Listings.timedLoad(client, path, BenchMaster.ALWAYS_SYNC, files);
        peakAfterLoad = Math.max(peakAfterLoad, master.residentMemory()[0]);
        if (round < rounds - 1) {
          master.kill();
        } else {
          master.stop();
        }
      }
      double raw = rawFirst >= 0 ? rawFirst : rawListing(wide, files);
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
            "%s (%,d files): first loadMetadata -R, interval 0, %s master, "
                + "vs raw listing (nio + attributes), %d rounds",
            path,
            files,
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
    try (MasterJvm master = new MasterJvm(home, ufsRoot, heap, store);
        MetasyncClient client =
            MetasyncClient.connect("localhost", master.port, BenchMaster.CACHED)) {
      Listings.check("inodes after a clean restart", master.inodes, files + 2);
      table.figure(
          NAME, "restart after a clean stop, JVM launch to serving", ms(master.startMillis), "–");
      for (int i = 1; i <= 2; i++) {
        double[] ls = timedList(client, path, files);
        table.figure(
            NAME,
            "cached ls of the folder ("
                + i
                + "), after a clean restart: first "
                + "entry / all entries",
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
    try (MasterJvm master = new MasterJvm(home, ufsRoot, heap, store);
        MetasyncClient client =
            MetasyncClient.connect("localhost", master.port, BenchMaster.CACHED)) {
      Listings.check("inodes after kill -9", master.inodes, files + 2);
      table.figure(
          NAME,
          "restart after kill -9 (no writes since the snapshot), JVM launch to " + "serving",
          ms(master.startMillis),
          "–");
      double[] ls = timedList(client, path, files);
      table.figure(
          NAME,
          "cached ls of the folder after kill -9 and restart: first entry / all",
          ms(ls[0]) + " / " + ms(ls[1]),
          "–");
      cachedGetStatus(table, NAME, client, path, files);
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
      ResultTable table, String scenario, MetasyncClient client, String path, long files)
      throws Exception {
    Random random = new Random(files);
    int calls = 20_000;
    long[] latencies = new long[calls];
    for (int i = 0; i < calls; i++) {
      String file = path + "/" + fileName(Math.floorMod(random.nextLong(), files));
      long start = System.nanoTime();
      client.getStatus(file, BenchMaster.CACHED);
      latencies[i] = System.nanoTime() - start;
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
                  client.getStatus(
                      path + "/" + fileName(Math.floorMod(index * 7_919L, files)),
                      BenchMaster.CACHED),
              10_000_000_000L);
      table.figure(
          scenario,
          "cached getStatus of random files, 8 threads, 10 s",
          String.format(Locale.ROOT, "%,.0f calls/s", perSecond),
          "Alluxio 2.9.6: 8.5–13.9k ops/s");
    } finally {
      pool.shutdownNow();
    }
  }

  static String fileName(long index) {
    return String.format(Locale.ROOT, "f%09d", index);
  }

  /** Milliseconds to the first entry and to the last of a cached listing of {@code path}. */
  static double[] timedList(MetasyncClient client, String path, long expected) {
    long start = System.nanoTime();
    double first = -1;
    long count = 0;
    try (CloseableIterator<FileStatus> entries =
        client.listStatus(path, false, BenchMaster.CACHED)) {
      while (entries.hasNext()) {
        entries.next();
        if (count++ == 0) {
          first = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    double all = (System.nanoTime() - start) / 1e6;
    Listings.check("ls " + path, count, expected);
    return new double[] {first, all};
  }

  private static double rawListing(Path wide, long files) throws IOException {
    long start = System.nanoTime();
    long count = LocalListing.listFolder(wide);
    Listings.check("raw listing of " + wide, count, files);
    return (System.nanoTime() - start) / 1e6;
  }

  private static void prepare(Path folder, Path wide, long files) throws IOException {
    Path marker = folder.resolve(wide.getFileName() + ".complete");
    String spec = files + " files\n";
    if (Files.exists(marker) && Files.readString(marker).equals(spec)) {
      Progress.log("wide: reusing %s", wide);
      return;
    }
    Files.deleteIfExists(marker);
    FolderDeletion.delete(wide);
    Files.createDirectories(wide);
    long start = System.nanoTime();
    for (long i = 0; i < files; i++) {
      Files.createFile(wide.resolve(fileName(i)));
      if ((i + 1) % 100_000 == 0) {
        Progress.log("wide: created %,d of %,d files", i + 1, files);
      }
    }
    Files.writeString(marker, spec);
    Progress.log("wide: created %,d files in %.1f s", files, (System.nanoTime() - start) / 1e9);
  }

  static String ms(double millis) {
    return String.format(Locale.ROOT, "%,.0f ms", millis);
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
  }
}
