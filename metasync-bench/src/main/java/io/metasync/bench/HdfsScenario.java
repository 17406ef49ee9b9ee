package io.metasync.bench;

import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.common.FileType;
import io.metasync.common.Ticker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The hdfs group: metasync over an HDFS mount against a plain Hadoop client of the same NameNode,
 * side by side on one MiniDFSCluster ({@link HdfsFixtures}), masters in this JVM mounting it at
 * {@link HdfsMaster#MOUNT}:
 *
 * <ol>
 *   <li>cached {@code getStatus} (interval -1) vs {@code FileSystem.getFileStatus}, 1 and 8
 *       threads;
 *   <li>{@code listStatus} of the 100,000-file folder from the cache vs {@code listStatusIterator};
 *   <li>one recursive {@code listStatus} of the 1,000 × 100 tree from the cache vs the
 *       folder-by-folder {@code listStatus} walk of a Hadoop client;
 *   <li>2 and 3 again with 2 ms added to every NameNode call on both sides ({@link
 *       NameNodeLatency});
 *   <li>a full sync ({@code loadMetadata -R}, interval 0) of the tree and of the folder vs the raw
 *       listing of it, with a normal NameNode and (the tree) a slow one.
 * </ol>
 */
final class HdfsScenario {
  private static final String NAME = "hdfs";
  private static final int THREADS = 8;
  private static final long SLOW_NANOS = 2_000_000;
  private static final int STATUS_PATHS = 1_000;

  /** One operation of a throughput slice; {@code index} spreads the calls over many paths. */
  @FunctionalInterface
  private interface Call {
    void run(int index) throws Exception;
  }

  /** A timed run of one side, returning the number of entries it saw. */
  @FunctionalInterface
  private interface Listing {
    long run() throws Exception;
  }

  /** A 1-thread slice: its throughput and its median latency. */
  private record Slice(double opsPerSecond, double p50Micros) {}

  private HdfsScenario() {}

  static void run(BenchContext context, Path folder) throws Exception {
    // MiniDFSCluster warns at every start and stop about things that do not matter here
    if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.hadoop") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop", "error");
    }
    Ticker ticker = context.ticker();
    NameNodeLatency ourLatency = new NameNodeLatency(SLOW_NANOS, ticker);
    NameNodeLatency theirLatency = new NameNodeLatency(SLOW_NANOS, ticker);
    Path masters = folder.resolve("masters");
    try (HdfsFixtures hdfs =
            HdfsFixtures.start(folder.resolve("hdfs"), context.options().scale(), ticker);
        DirectHdfs direct =
            new DirectHdfs(
                FileSystem.newInstance(hdfs.clusterUri(), new Configuration()), theirLatency)) {
      Run run = new Run(context, hdfs, direct, ourLatency, masters);
      try (HdfsMaster cached = HdfsMaster.start(masters, hdfs.rootUri(), ourLatency)) {
        MetasyncClient client = cached.client();
        for (String path : new String[] {hdfs.treePath(), hdfs.widePath()}) {
          Progress.log("hdfs: loading %s%s into the cache", HdfsMaster.MOUNT, path);
          client
              .withOptions(BenchMaster.CACHED)
              .loadMetadata(HdfsMaster.MOUNT + path, true, progress -> {});
        }
        run.getStatus(client);
        run.cachedListings(client, false);
        run.cachedListings(client, true);
      }
      run.syncs();
      context
          .table()
          .note(
              "hdfs fixtures: %,d empty files in %,d folders on a MiniDFSCluster (1 NameNode, 1"
                  + " DataNode, loopback), %s",
              hdfs.fileCount(),
              hdfs.treeFolders() + 2,
              hdfs.reused()
                  ? "reused from an earlier run (--dir)"
                  : String.format(
                      "created in %.1f s (%,.0f files/s: create + complete per file, %d threads)",
                      hdfs.creationTime().toMillis() / 1e3,
                      hdfs.fileCount() / (hdfs.creationTime().toMillis() / 1e3),
                      HdfsFixtures.CREATE_THREADS));
    } finally {
      FolderDeletion.delete(masters);
    }
  }

  /** The cases of one run, sharing the cluster, the Hadoop client and the latency switches. */
  private static final class Run {
    private final BenchContext context;
    private final Ticker ticker;
    private final HdfsFixtures hdfs;
    private final DirectHdfs direct;
    private final NameNodeLatency ourLatency;
    private final Path masters;

    Run(
        BenchContext context,
        HdfsFixtures hdfs,
        DirectHdfs direct,
        NameNodeLatency ourLatency,
        Path masters) {
      this.context = context;
      this.ticker = context.ticker();
      this.hdfs = hdfs;
      this.direct = direct;
      this.ourLatency = ourLatency;
      this.masters = masters;
    }

    private void slow(boolean slow) {
      ourLatency.enable(slow);
      direct.latency().enable(slow);
    }

    /** 1. cached getStatus vs getFileStatus, at 1 and 8 threads. */
    void getStatus(MetasyncClient client) throws Exception {
      BenchOptions options = context.options();
      String[] ours = new String[STATUS_PATHS];
      org.apache.hadoop.fs.Path[] theirs = new org.apache.hadoop.fs.Path[STATUS_PATHS];
      for (int i = 0; i < STATUS_PATHS; i++) {
        int folder = i % hdfs.treeFolders();
        int file = (i * 37) % hdfs.treeFiles();
        ours[i] = hdfs.treeFile(folder, file, HdfsMaster.MOUNT);
        theirs[i] = new org.apache.hadoop.fs.Path(hdfs.treeFile(folder, file, HdfsFixtures.ROOT));
      }
      FileStatus first = client.withOptions(BenchMaster.CACHED).getStatus(ours[0]);
      if (first.type() != FileType.FILE || !first.path().equals(ours[0])) {
        throw new IllegalStateException("unexpected status " + first);
      }
      if (!direct.getFileStatus(theirs[0]).isFile()) {
        throw new IllegalStateException("unexpected HDFS status of " + theirs[0]);
      }
      Call getStatus =
          index -> client.withOptions(BenchMaster.CACHED).getStatus(ours[index % STATUS_PATHS]);
      Call getFileStatus = index -> direct.getFileStatus(theirs[index % STATUS_PATHS]);
      checkCalls(
          "cached getStatus vs getFileStatus",
          () -> {
            getStatus.run(0);
            return 1;
          },
          () -> {
            getFileStatus.run(0);
            return 1;
          });
      long sliceNanos = (long) (options.sliceSeconds() * 1e9);
      List<Slice> ourSlices = new ArrayList<>();
      List<Slice> theirSlices = new ArrayList<>();
      PairedRounds.Result oneThread =
          PairedRounds.run(
              "hdfs getStatus 1 thread",
              "ops/s",
              options,
              () -> record(ourSlices, singleThread(getStatus, sliceNanos, ticker)),
              () -> record(theirSlices, singleThread(getFileStatus, sliceNanos, ticker)));
      context
          .table()
          .add(
              NAME,
              "1 thread: cached getStatus vs HDFS getFileStatus",
              "ops/s",
              oneThread,
              "NameNode getFileStatus 130–150 µs (6.7–7.7k ops/s); Alluxio cached getStatus"
                  + " 3.0–3.8k ops/s");
      context
          .table()
          .add(
              NAME,
              "1 thread, p50 latency",
              "µs",
              new PairedRounds.Result(
                  measured(ourSlices).stream().map(Slice::p50Micros).toList(),
                  measured(theirSlices).stream().map(Slice::p50Micros).toList()),
              "NameNode 130–150 µs; gRPC floor p50 120–160 µs; Alluxio p50 234–290 µs");
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        PairedRounds.Result eight =
            PairedRounds.run(
                "hdfs getStatus " + THREADS + " threads",
                "ops/s",
                options,
                () -> multiThread(pool, getStatus, sliceNanos, ticker),
                () -> multiThread(pool, getFileStatus, sliceNanos, ticker));
        context
            .table()
            .add(
                NAME,
                THREADS
                    + " threads (one channel / one DFSClient): cached getStatus vs"
                    + " getFileStatus",
                "ops/s",
                eight,
                "NameNode 18–22k ops/s at 4–8 threads; Alluxio 8.5–13.9k ops/s");
      } finally {
        pool.shutdownNow();
      }
    }

    private List<Slice> measured(List<Slice> slices) {
      return slices.subList(context.options().warmupRounds(), slices.size());
    }

    /** 2. and 3., with a normal or a slow NameNode: cached listings vs the Hadoop client's. */
    void cachedListings(MetasyncClient client, boolean slow) throws Exception {
      String suffix = slow ? ", NameNode +2 ms per call" : "";
      String wide = hdfs.widePath();
      int width = hdfs.wideWidth();
      org.apache.hadoop.fs.Path wideHdfs = new org.apache.hadoop.fs.Path(HdfsFixtures.ROOT + wide);
      slow(slow);
      try {
        compare(
            String.format(
                "%,d-file folder: listStatus from cache vs listStatusIterator%s", width, suffix),
            "ms",
            () -> consume(client, HdfsMaster.MOUNT + wide, false, width),
            () -> direct.listFolder(wideHdfs),
            width,
            slow
                ? "–"
                : "NameNode listStatus of 100,000 in 230–390 ms; Alluxio cached listStatus of"
                    + " 100,000 about 1.0 s");
        String tree = hdfs.treePath();
        int entries = hdfs.treeEntries();
        org.apache.hadoop.fs.Path treeHdfs =
            new org.apache.hadoop.fs.Path(HdfsFixtures.ROOT + tree);
        compare(
            String.format(
                "%s (%,d entries): one recursive listStatus from cache vs listStatus folder by"
                    + " folder%s",
                tree, entries, suffix),
            "ms",
            () -> consume(client, HdfsMaster.MOUNT + tree, true, entries),
            () -> direct.walk(treeHdfs),
            entries,
            slow ? "–" : "plain Hadoop client listing of the tree 0.5–0.6 s (STACK.md)");
      } finally {
        slow(false);
      }
    }

    /** 5. full syncs, first loads into an empty cache and a re-sync, vs the raw listing. */
    void syncs() throws Exception {
      String tree = hdfs.treePath();
      org.apache.hadoop.fs.Path treeHdfs = new org.apache.hadoop.fs.Path(HdfsFixtures.ROOT + tree);
      long treeFiles = hdfs.treeFileCount();
      int treeEntries = hdfs.treeEntries();
      firstLoad(
          tree,
          treeFiles,
          () -> direct.walk(treeHdfs),
          treeEntries,
          false,
          "Alluxio 2.9.6 HDFS mount loadMetadata -R 7.0–8.5 s vs Hadoop client 0.5–0.6 s");
      String wide = hdfs.widePath();
      org.apache.hadoop.fs.Path wideHdfs = new org.apache.hadoop.fs.Path(HdfsFixtures.ROOT + wide);
      firstLoad(
          wide,
          hdfs.wideWidth(),
          () -> direct.listFolder(wideHdfs),
          hdfs.wideWidth(),
          false,
          "Alluxio first loadMetadata -R of 100,000 (local UFS) 9.2–11.9 s");
      try (HdfsMaster master = HdfsMaster.start(masters, hdfs.rootUri(), ourLatency)) {
        Progress.log("hdfs: first load of %s for the re-sync rounds", tree);
        Listings.timedLoad(
            master.client(), HdfsMaster.MOUNT + tree, BenchMaster.ALWAYS_SYNC, treeFiles, ticker);
        compare(
            String.format("%s: re-sync of the unchanged tree, interval 0, vs the walk", tree),
            "ms",
            () -> load(master.client(), tree, treeFiles),
            () -> direct.walk(treeHdfs),
            treeFiles,
            treeEntries,
            "–");
      }
      firstLoad(tree, treeFiles, () -> direct.walk(treeHdfs), treeEntries, true, "–");
    }

    private void firstLoad(
        String path, long files, Listing raw, long rawEntries, boolean slow, String reference)
        throws Exception {
      String label =
          String.format(
              "%s (%,d files): first loadMetadata -R, interval 0, empty cache, vs %s%s",
              path,
              files,
              path.equals(hdfs.treePath()) ? "the walk" : "listStatusIterator",
              slow ? ", NameNode +2 ms per call" : "");
      slow(slow);
      try {
        Progress.log("hdfs: %s", label);
        // a fresh master per round, started and mounted before the clock starts
        Listing firstLoad =
            () -> {
              boolean wasSlow = ourLatency.enabled();
              ourLatency.enable(false);
              try (HdfsMaster fresh = HdfsMaster.start(masters, hdfs.rootUri(), ourLatency)) {
                ourLatency.enable(wasSlow);
                return load(fresh.client(), path, files);
              } finally {
                ourLatency.enable(wasSlow);
              }
            };
        compare(label, "ms", firstLoad, raw, files, rawEntries, reference);
      } finally {
        slow(false);
      }
    }

    private long load(MetasyncClient client, String path, long files) {
      Listings.timedLoad(client, HdfsMaster.MOUNT + path, BenchMaster.ALWAYS_SYNC, files, ticker);
      return files;
    }

    private void compare(
        String what, String unit, Listing ours, Listing theirs, long expected, String reference)
        throws Exception {
      compare(what, unit, ours, theirs, expected, expected, reference);
    }

    /**
     * Times both sides in alternating rounds (each checked against its expected count), after one
     * untimed run of each that counts their NameNode calls.
     */
    private void compare(
        String what,
        String unit,
        Listing ours,
        Listing theirs,
        long oursExpected,
        long theirsExpected,
        String reference)
        throws Exception {
      checkCalls(what, ours, theirs);
      PairedRounds.Result result =
          PairedRounds.run(
              "hdfs " + what,
              unit,
              context.options(),
              () -> timed(ours, oursExpected, "metasync: " + what),
              () -> timed(theirs, theirsExpected, "Hadoop client: " + what));
      context.table().add(NAME, what, unit, result, reference);
    }

    /** Notes how many NameNode read calls (and delayed calls) one run of each side makes. */
    private void checkCalls(String what, Listing ours, Listing theirs) throws Exception {
      long[] oursCalls = calls(ours, ourLatency);
      long[] theirsCalls = calls(theirs, direct.latency());
      context
          .table()
          .note(
              "NameNode read calls (getFileInfo + getListing pages, from its metrics) for one"
                  + " operation of \"%s\": metasync %,d, Hadoop client %,d%s",
              what,
              oursCalls[0],
              theirsCalls[0],
              ourLatency.enabled()
                  ? String.format(
                      "; delayed by the latency decorators: %,d and %,d",
                      oursCalls[1], theirsCalls[1])
                  : "");
    }

    private static long[] calls(Listing side, NameNodeLatency latency) throws Exception {
      long before = HdfsFixtures.nameNodeReadCalls();
      long delayedBefore = latency.delayedCalls();
      side.run();
      return new long[] {
        HdfsFixtures.nameNodeReadCalls() - before, latency.delayedCalls() - delayedBefore
      };
    }

    private double timed(Listing side, long expected, String what) throws Exception {
      long start = ticker.nanos();
      long count = side.run();
      double millis = (ticker.nanos() - start) / 1e6;
      Listings.check(what, count, expected);
      return millis;
    }
  }

  private static long consume(MetasyncClient client, String path, boolean recursive, long n) {
    Listings.consume(client, path, recursive, BenchMaster.CACHED, n);
    return n;
  }

  private static double record(List<Slice> slices, Slice slice) {
    slices.add(slice);
    return slice.opsPerSecond();
  }

  private static Slice singleThread(Call call, long sliceNanos, Ticker ticker) throws Exception {
    Throughput.Latencies slice = Throughput.singleThread(call::run, sliceNanos, ticker);
    return new Slice(slice.callsPerSecond(), slice.p50Micros());
  }

  private static double multiThread(ExecutorService pool, Call call, long sliceNanos, Ticker ticker)
      throws Exception {
    return Throughput.callsPerSecond(pool, THREADS, call::run, sliceNanos, ticker);
  }
}
