package io.metasync.bench;

import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.common.Ticker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Restart of a master holding 1,000,000 inodes (a local tree of 1,000 folders of 1,000 empty files,
 * loaded with {@code loadMetadata -R} interval 0), the master in a JVM of its own ({@link
 * ChildMaster}, {@code -Xmx2g}): (a) after a clean stop (Ratis snapshots on close), time from
 * launching the JVM to serving, against the start of a master with an empty journal (JVM, Ratis and
 * gRPC start-up: the floor); (b) after {@link #TAIL_WRITES} writes ({@code chmod}, one journal
 * entry each) since that snapshot and a {@code kill -9} ({@code Process.destroyForcibly}), the same
 * restart replaying that tail, against the clean restart of the same round. Also: snapshot and
 * journal sizes on disk, the first load and clean-stop times, and heap per inode.
 */
final class RestartScenario {
  private static final String NAME = "restart";
  private static final String TREE = "/tree-1000x1000";
  private static final int FOLDERS = 1_000;
  private static final int FILES = 1_000;
  static final int TAIL_WRITES = 10_000;
  private static final int WRITERS = 8;

  private RestartScenario() {}

  static void run(BenchContext context) throws Exception {
    Ticker ticker = context.ticker();
    Path ufsRoot = context.fixtures().ufsRoot().getParent().resolve("restart-ufs");
    prepareTree(ufsRoot, ticker);
    Path masters = context.mastersFolder().resolve("restart");
    FolderDeletion.delete(masters);
    Path home = masters.resolve("master-1m");
    Path emptyUfs = Files.createDirectories(masters.resolve("empty-ufs"));
    ResultTable table = context.table();
    long expected = (long) FOLDERS * FILES;

    double firstLoadMs;
    long heapEmpty;
    long[] heapLoaded;
    double firstStopMs;
    try (MasterJvm child = new MasterJvm(home, ufsRoot, ticker, "-Xmx2g");
        MetasyncClient client =
            MetasyncClient.connect("localhost", child.port, BenchMaster.CACHED)) {
      heapEmpty = child.heap()[0];
      Progress.log("restart: loading %s (%,d files) into a master JVM", TREE, expected);
      firstLoadMs = Listings.timedLoad(client, TREE, BenchMaster.ALWAYS_SYNC, expected, ticker);
      heapLoaded = child.heap();
      Progress.log("restart: loaded in %.1f s; stopping cleanly", firstLoadMs / 1e3);
      firstStopMs = child.stop();
    }
    long journalBytes = folderSize(home.resolve("journal"));
    long snapshotBytes = newestSnapshotSize(home.resolve("journal"));

    BenchOptions options = context.options();
    int warmup = Math.min(1, options.warmupRounds());
    int rounds = Math.min(5, options.measuredRounds());
    List<Double> clean = new ArrayList<>();
    List<Double> empty = new ArrayList<>();
    List<Double> killed = new ArrayList<>();
    List<Double> cleanAgain = new ArrayList<>();
    List<Double> stops = new ArrayList<>();
    List<Double> snapshotLoads = new ArrayList<>();
    List<Double> tailSnapshotLoads = new ArrayList<>();
    long[] heapRestarted = null;
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      for (int round = 0; round < warmup + rounds; round++) {
        boolean measured = round >= warmup;
        double emptyMs = 0;
        if (round % 2 == 0) {
          emptyMs = emptyStart(masters, emptyUfs, ticker);
        }
        double cleanMs;
        double killedMs;
        double stopMs;
        long snapshotMs;
        long tailSnapshotMs;
        try (MasterJvm child = new MasterJvm(home, ufsRoot, ticker, "-Xmx2g")) {
          cleanMs = child.startMillis;
          snapshotMs = child.snapshotLoadMillis();
          if (child.inodes < expected) {
            throw new IllegalStateException("only " + child.inodes + " inodes after a restart");
          }
          if (heapRestarted == null) {
            heapRestarted = child.heap();
          }
          int mode = tailWrites(pool, child.port, round);
          child.kill();
          try (MasterJvm again = new MasterJvm(home, ufsRoot, ticker, "-Xmx2g");
              MetasyncClient client =
                  MetasyncClient.connect("localhost", again.port, BenchMaster.CACHED)) {
            killedMs = again.startMillis;
            tailSnapshotMs = again.snapshotLoadMillis();
            Listings.check("inodes after kill -9", again.inodes, child.inodes);
            FileStatus last =
                client.withOptions(BenchMaster.CACHED).getStatus(tailPath(TAIL_WRITES - 1));
            if ((last.mode() & 0777) != mode) {
              throw new IllegalStateException(
                  "an acknowledged chmod is lost after kill -9: " + last);
            }
            stopMs = again.stop();
          }
        }
        if (round % 2 == 1) {
          emptyMs = emptyStart(masters, emptyUfs, ticker);
        }
        Progress.log(
            "restart: %s %d: empty start %.0f ms, clean restart %.0f ms (snapshot loaded in %d ms),"
                + " kill -9 restart with %,d tail entries %.0f ms, clean stop %.0f ms",
            measured ? "round" : "warm-up",
            measured ? round - warmup + 1 : round + 1,
            emptyMs,
            cleanMs,
            snapshotMs,
            TAIL_WRITES,
            killedMs,
            stopMs);
        if (measured) {
          clean.add(cleanMs);
          empty.add(emptyMs);
          killed.add(killedMs);
          cleanAgain.add(cleanMs);
          stops.add(stopMs);
          snapshotLoads.add((double) snapshotMs);
          tailSnapshotLoads.add((double) tailSnapshotMs);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    table.add(
        NAME,
        String.format(
            "clean stop, then start to serving: %,d-inode master vs a master with an empty journal",
            expected),
        "ms, JVM launch to listening",
        new PairedRounds.Result(clean, empty),
        "–");
    table.add(
        NAME,
        String.format(
            "kill -9 after %,d writes since the snapshot, then start to serving vs the clean restart"
                + " of the same round",
            TAIL_WRITES),
        "ms, JVM launch to listening",
        new PairedRounds.Result(killed, cleanAgain),
        "–");
    table.add(
        NAME,
        "of which loading the snapshot (the master's log) vs the whole clean restart",
        "ms",
        new PairedRounds.Result(snapshotLoads, clean),
        "–");
    table.note(
        "restart: %s, %,d inodes: first loadMetadata -R (interval 0) in a master JVM %.1f s; first"
            + " clean stop (snapshot of the whole tree) %.1f s; clean stops after a tail: median"
            + " %.1f s",
        TREE,
        heapLoaded[1],
        firstLoadMs / 1e3,
        firstStopMs / 1e3,
        Summary.of(stops).median() / 1e3);
    table.note(
        "restart: snapshot %,d MB on disk (%.0f B per inode); journal folder %,d MB after the first"
            + " clean stop (snapshots kept: 2; log segments included), %,d MB at the end",
        snapshotBytes >> 20,
        (double) snapshotBytes / heapLoaded[1],
        journalBytes >> 20,
        folderSize(home.resolve("journal")) >> 20);
    table.note(
        "restart: heap per inode in the master JVM (used heap after full GCs, minus an empty"
            + " master's): %,d B after the first load (sync caches included), %,d B after a"
            + " restart from the snapshot",
        (heapLoaded[0] - heapEmpty) / heapLoaded[1],
        (heapRestarted[0] - heapEmpty) / heapRestarted[1]);
    table.note(
        "restart: snapshot load as the master logs it, median %.0f ms after a clean stop, %.0f ms"
            + " after kill -9",
        Summary.of(snapshotLoads).median(), Summary.of(tailSnapshotLoads).median());
    FolderDeletion.delete(masters);
  }

  private static double emptyStart(Path masters, Path emptyUfs, Ticker ticker) throws Exception {
    Path home = masters.resolve("master-empty");
    FolderDeletion.delete(home);
    try (MasterJvm child = new MasterJvm(home, emptyUfs, ticker, "-Xmx2g")) {
      double ms = child.startMillis;
      child.stop();
      return ms;
    }
  }

  private static String tailPath(int i) {
    return TREE + "/" + Fixtures.folderName(i / FILES) + "/" + Fixtures.fileName(i % FILES);
  }

  /** {@link #TAIL_WRITES} chmods from {@link #WRITERS} threads; returns the mode they set. */
  private static int tailWrites(ExecutorService pool, int port, int round) throws Exception {
    int mode = round % 2 == 0 ? 0600 : 0644;
    try (MetasyncClient client = MetasyncClient.connect("localhost", port, BenchMaster.CACHED)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < WRITERS; t++) {
        int first = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = first; i < TAIL_WRITES; i += WRITERS) {
                    client.withOptions(BenchMaster.CACHED).setMode(tailPath(i), mode);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    return mode;
  }

  /** 1,000 folders of 1,000 empty files, unless a marker says they are there. */
  static void prepareTree(Path ufsRoot, Ticker ticker) throws IOException {
    Path marker = ufsRoot.getParent().resolve("restart.complete");
    String spec = TREE + " " + FOLDERS + "x" + FILES + "\n";
    if (Files.exists(marker) && Files.readString(marker).equals(spec)) {
      Progress.log("restart: reusing %s", ufsRoot.resolve(TREE.substring(1)));
      return;
    }
    FolderDeletion.delete(ufsRoot);
    long start = ticker.nanos();
    Path tree = Files.createDirectories(ufsRoot.resolve(TREE.substring(1)));
    for (int i = 0; i < FOLDERS; i++) {
      Path folder = Files.createDirectory(tree.resolve(Fixtures.folderName(i)));
      for (int j = 0; j < FILES; j++) {
        Files.createFile(folder.resolve(Fixtures.fileName(j)));
      }
      if ((i + 1) % 100 == 0) {
        Progress.log("restart: created %,d of %,d folders", i + 1, FOLDERS);
      }
    }
    Files.writeString(marker, spec);
    Progress.log(
        "restart: created %,d files in %.1f s",
        (long) FOLDERS * FILES, (ticker.nanos() - start) / 1e9);
  }

  static long folderSize(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(RestartScenario::size).sum();
    }
  }

  private static long newestSnapshotSize(Path journal) throws IOException {
    try (Stream<Path> files = Files.walk(journal)) {
      return files
          .filter(p -> p.getFileName().toString().matches("snapshot\\.\\d+_\\d+"))
          .mapToLong(RestartScenario::size)
          .max()
          .orElse(0);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
