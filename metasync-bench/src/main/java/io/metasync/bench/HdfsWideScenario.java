package io.metasync.bench;

import io.metasync.client.MetasyncClient;
import io.metasync.client.MountOptions;
import io.metasync.common.Ticker;
import io.metasync.ufs.hdfs.MiniHdfs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * {@link WideScenario} on HDFS: a MiniDFSCluster in this JVM, or the HDFS given with {@code --hdfs}
 * (such as {@code bin/metasync dev-hdfs}), holding one folder of {@code --files} empty files
 * (default 1,000,000), mounted at {@link #MOUNT} by a master in a JVM of its own ({@code
 * --master-heap}): the first {@code loadMetadata -R} beside a plain Hadoop client's listing of the
 * same folder, peak resident memory, the cached {@code ls} and random {@code getStatus}, and the
 * restart after {@code kill -9}.
 */
final class HdfsWideScenario {
  private static final String NAME = "hdfswide";
  private static final String MOUNT = "/hdfs";
  private static final int CREATE_THREADS = 32;

  /** The HDFS folder holding the scenario's files, mounted at {@link #MOUNT}. */
  private static final String HDFS_FOLDER = "/metasync-bench";

  private HdfsWideScenario() {}

  static void run(BenchContext context, Path folder) throws Exception {
    Optional<URI> external = context.options().hdfs();
    FolderDeletion.delete(folder);
    if (external.isPresent()) {
      try (FileSystem fs = FileSystem.newInstance(external.get(), new Configuration())) {
        measure(context, folder, fs, external.get(), "the HDFS at " + external.get());
      }
    } else {
      try (MiniHdfs cluster = MiniHdfs.start(folder.resolve("cluster"))) {
        measure(
            context,
            folder,
            cluster.client(),
            cluster.uri("/"),
            "MiniDFSCluster (1 NameNode, 1 DataNode) in the bench JVM");
      }
      FolderDeletion.delete(folder);
    }
  }

  private static void measure(
      BenchContext context, Path folder, FileSystem fs, URI hdfs, String which) throws Exception {
    long files = context.options().wideFiles();
    Ticker ticker = context.ticker();
    String heap = "-Xmx" + context.options().masterHeap();
    ResultTable table = context.table();
    Path root = Files.createDirectories(folder.resolve("root"));
    String wide = HDFS_FOLDER + "/wide-" + files;
    prepare(fs, wide, files, ticker);
    String path = MOUNT + "/wide-" + files;
    Path home = folder.resolve("master");
    try (MasterJvm master = new MasterJvm(home, root, ticker, heap);
        MetasyncClient client =
            MetasyncClient.connect("localhost", master.port, BenchMaster.CACHED)) {
      client.mount(MOUNT, hdfs.resolve(HDFS_FOLDER).toString(), MountOptions.DEFAULTS);
      Progress.log("%s: loadMetadata -R %s in a %s master", NAME, path, heap);
      double load = Listings.timedLoad(client, path, BenchMaster.ALWAYS_SYNC, files, ticker);
      double raw = rawListing(fs, wide, files, ticker);
      table.figure(
          NAME,
          String.format(
              Locale.ROOT,
              "%s (%,d files in HDFS): first loadMetadata -R, %s master, vs a Hadoop client's"
                  + " listing of the folder",
              path,
              files,
              heap),
          String.format(Locale.ROOT, "%,.0f ms vs %,.0f ms: ratio %.2f", load, raw, load / raw),
          "Alluxio 2.9.6 on HDFS: 100,000 + 100,000 files in 7.0–8.5 s");
      table.figure(
          NAME,
          "master peak resident memory (VmHWM) after the load",
          WideScenario.mb(master.residentMemory()[0]),
          "–");
      double[] ls = WideScenario.timedList(client, path, false, files, ticker);
      table.figure(
          NAME,
          "cached ls of the folder: first entry / all entries",
          WideScenario.ms(ls[0]) + " / " + WideScenario.ms(ls[1]),
          "–");
      master.kill();
    }
    try (MasterJvm master = new MasterJvm(home, root, ticker, heap);
        MetasyncClient client =
            MetasyncClient.connect("localhost", master.port, BenchMaster.CACHED)) {
      table.figure(
          NAME,
          "restart after kill -9, JVM launch to serving",
          WideScenario.ms(master.startMillis),
          "–");
      double[] ls = WideScenario.timedList(client, path, false, files, ticker);
      table.figure(
          NAME,
          "cached ls of the folder after kill -9 and restart (no NameNode call): first entry /"
              + " all",
          WideScenario.ms(ls[0]) + " / " + WideScenario.ms(ls[1]),
          "–");
      WideScenario.cachedGetStatus(
          table, NAME, client, index -> path + "/" + WideFixture.fileName(index), files, ticker);
      master.stop();
    }
    table.note("%s: %s; master JVM %s, RocksDB inode store", NAME, which, heap);
  }

  /**
   * Creates {@code files} empty files in {@code wide} unless a marker beside it says they are there
   * (an HDFS given with {@code --hdfs} keeps them for the next run).
   */
  private static void prepare(FileSystem fs, String wide, long files, Ticker ticker)
      throws Exception {
    org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path(wide + ".complete");
    if (fs.exists(marker)) {
      Progress.log("%s: reusing %s (%s is there)", NAME, wide, marker);
      return;
    }
    fs.delete(new org.apache.hadoop.fs.Path(wide), true);
    fs.mkdirs(new org.apache.hadoop.fs.Path(wide));
    long start = ticker.nanos();
    ExecutorService pool = Executors.newFixedThreadPool(CREATE_THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < CREATE_THREADS; t++) {
        int first = t;
        done.add(
            pool.submit(
                () -> {
                  for (long i = first; i < files; i += CREATE_THREADS) {
                    fs.create(
                            new org.apache.hadoop.fs.Path(wide + "/" + WideFixture.fileName(i)),
                            false)
                        .close();
                    if (i % 100_000 == 0) {
                      Progress.log("%s: created about %,d of %,d files", NAME, i, files);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    fs.create(marker, false).close();
    Progress.log("%s: created %,d files in %.1f s", NAME, files, (ticker.nanos() - start) / 1e9);
  }

  private static double rawListing(FileSystem fs, String wide, long files, Ticker ticker)
      throws Exception {
    long start = ticker.nanos();
    long count = 0;
    RemoteIterator<org.apache.hadoop.fs.FileStatus> entries =
        fs.listStatusIterator(new org.apache.hadoop.fs.Path(wide));
    while (entries.hasNext()) {
      entries.next();
      count++;
    }
    double ms = (ticker.nanos() - start) / 1e6;
    Listings.check("hdfs listing of " + wide, count, files);
    return ms;
  }
}
