package io.metasync.bench;

import io.metasync.common.Ticker;
import io.metasync.hadoop.MetasyncFileSystem;
import io.metasync.ufs.hdfs.MiniHdfs;
import java.net.URI;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Hadoop's {@code FileSystem} API, as Spark and Trino call it, through {@code metasync://} against
 * {@code hdfs://} on a NameNode in the same JVM (a MiniDFSCluster), at 1 and 8 threads: cached
 * {@code getFileStatus} and {@code listStatus} of a 1,000-file folder (interval -1, through the
 * HDFS mount), and a create (empty, no overwrite) + rename + delete cycle through the HDFS mount
 * and through a local mount, each against the same cycle on {@code hdfs://}. Not part of {@code
 * all}.
 */
final class HadoopApiScenario {
  private static final String NAME = "hadoopapi";
  private static final int FILES = 1_000;
  private static final int[] THREADS = {1, 8};

  private HadoopApiScenario() {}

  static void run(BenchContext context, java.nio.file.Path folder) throws Exception {
    if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.hadoop") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop", "error");
    }
    FolderDeletion.delete(folder);
    Ticker ticker = context.ticker();
    try (MiniHdfs cluster = MiniHdfs.start(folder.resolve("hdfs"), true);
        FileSystem hdfs = FileSystem.newInstance(cluster.uri(), new Configuration())) {
      Path list = new Path("/api/list");
      hdfs.mkdirs(list);
      hdfs.mkdirs(new Path("/api/w"));
      for (int i = 0; i < FILES; i++) {
        hdfs.create(new Path(list, "f" + i), false).close();
      }
      try (HdfsMaster master =
              HdfsMaster.start(
                  folder.resolve("masters"), cluster.uri("/api"), new NameNodeLatency(0, ticker));
          FileSystem metasync = metasync(master.rpcPort())) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
          Files.createDirectories(master.localRoot().resolve("local"));
          metasync.listStatus(new Path("/hdfs/list"));
          metasync.listStatus(new Path("/local"));
          Run run = new Run(context, pool);
          for (int threads : THREADS) {
            run.compare(
                "getFileStatus of a cached file, " + threads + " threads",
                threads,
                index -> metasync.getFileStatus(new Path("/hdfs/list/f" + index % FILES)),
                index -> hdfs.getFileStatus(new Path(list, "f" + index % FILES)));
            run.compare(
                "listStatus of a cached 1,000-file folder, " + threads + " threads",
                threads,
                index -> metasync.listStatus(new Path("/hdfs/list")),
                index -> hdfs.listStatus(list));
            AtomicLong names = new AtomicLong();
            run.compare(
                "create + rename + delete through an HDFS mount, " + threads + " threads",
                threads,
                index -> cycle(metasync, "/hdfs/w", names.incrementAndGet()),
                index -> cycle(hdfs, "/api/w", names.incrementAndGet()));
            run.compare(
                "create + rename + delete through a local mount (vs on hdfs://), "
                    + threads
                    + " threads",
                threads,
                index -> cycle(metasync, "/local", names.incrementAndGet()),
                index -> cycle(hdfs, "/api/w", names.incrementAndGet()));
          }
        } finally {
          pool.shutdownNow();
        }
      }
    } finally {
      FolderDeletion.delete(folder);
    }
  }

  /** One create (empty, no overwrite), rename and delete of a new file in {@code folder}. */
  private static void cycle(FileSystem fs, String folder, long name) throws Exception {
    Path created = new Path(folder, "c" + name);
    Path renamed = new Path(folder, "r" + name);
    fs.create(created, false).close();
    if (!fs.rename(created, renamed) || !fs.delete(renamed, false)) {
      throw new IllegalStateException("rename or delete of " + created + " returned false");
    }
  }

  private static FileSystem metasync(int port) throws Exception {
    Configuration conf = new Configuration(false);
    return FileSystem.newInstance(
        URI.create(MetasyncFileSystem.SCHEME + "://localhost:" + port + "/"), conf);
  }

  /** Paired rounds of one case: calls per second, metasync:// against hdfs://. */
  private record Run(BenchContext context, ExecutorService pool) {
    void compare(String what, int threads, Throughput.Call ours, Throughput.Call theirs)
        throws Exception {
      long slice = (long) (context.options().sliceSeconds() * 1e9);
      Ticker ticker = context.ticker();
      PairedRounds.Result result =
          PairedRounds.run(
              NAME + ": " + what,
              "calls/s",
              context.options(),
              () -> Throughput.callsPerSecond(pool, threads, ours, slice, ticker),
              () -> Throughput.callsPerSecond(pool, threads, theirs, slice, ticker));
      context
          .table()
          .add(
              NAME,
              String.format(Locale.ROOT, "%s (load average %s)", what, LoadAverage.now()),
              "calls/s, metasync:// vs hdfs://",
              result,
              "goal: reads >= 1, writes >= 0.7");
    }
  }
}
