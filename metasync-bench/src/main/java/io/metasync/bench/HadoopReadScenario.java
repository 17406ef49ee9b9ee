package io.metasync.bench;

import io.metasync.common.Ticker;
import io.metasync.hadoop.MetasyncFileSystem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Reading file bytes through {@code metasync://} (Hadoop's {@code FileSystem} API), on each data
 * path: direct (the client opens the UFS itself after checking the file against the metadata) and
 * through the master ({@code metasync.user.file.read.direct=false}), each against Hadoop's raw
 * {@code file://} reading the same local file in the same run. Two cases: one large file read
 * sequentially (throughput), and many small files each opened and read whole (the per-open cost,
 * which a query over many small Parquet files pays).
 */
final class HadoopReadScenario {
  private static final String NAME = "hadoopread";
  private static final int LARGE_MIB = 256;
  private static final int SMALL_FILES = 200;
  private static final int SMALL_BYTES = 4096;
  private static final int BUFFER = 1 << 20;
  private static final int SMALL_BUFFER = 64 * 1024;

  /** Keeps the JIT from dropping reads whose bytes nobody looks at. */
  private static volatile long sink;

  private HadoopReadScenario() {}

  static void run(BenchContext context) throws Exception {
    int scale = context.options().scale();
    long largeBytes = (long) LARGE_MIB * (1 << 20) / scale;
    Path ufsRoot = context.fixtures().ufsRoot();
    Files.createDirectories(ufsRoot);
    String folder = context.fixtures().scratchPath() + "/hadoopread";
    Path local = context.fixtures().local(folder);
    Ticker ticker = context.ticker();
    try {
      writeFixtures(local, largeBytes);
      try (BenchMaster master = context.startMaster();
          FileSystem direct = metasync(master, true);
          FileSystem viaMaster = metasync(master, false);
          RawLocalFileSystem raw = new RawLocalFileSystem()) {
        raw.initialize(URI.create("file:///"), new Configuration(false));
        org.apache.hadoop.fs.Path largeOnUfs = new org.apache.hadoop.fs.Path(local.toUri());
        org.apache.hadoop.fs.Path large = new org.apache.hadoop.fs.Path(folder + "/large.bin");
        for (boolean directPath : new boolean[] {true, false}) {
          FileSystem fs = directPath ? direct : viaMaster;
          String path = directPath ? "direct UFS read" : "through the master";
          PairedRounds.Result sequential =
              PairedRounds.run(
                  NAME + " large " + path,
                  "ms",
                  context.options(),
                  () -> timeMillis(() -> readWhole(fs, large), ticker),
                  () ->
                      timeMillis(
                          () ->
                              readWhole(
                                  raw, new org.apache.hadoop.fs.Path(largeOnUfs, "large.bin")),
                          ticker));
          context
              .table()
              .add(
                  NAME,
                  String.format(
                      "open + read %d MiB sequentially, metasync:// %s vs file:// (raw)",
                      largeBytes >> 20, path),
                  "ms per file",
                  sequential,
                  "–");
          context
              .table()
              .note(
                  "hadoopread, %s: %s MB/s through metasync://, %s MB/s file:// in the same run",
                  path,
                  ResultTable.number(largeBytes / 1e3 / Summary.of(sequential.metasync()).median()),
                  ResultTable.number(
                      largeBytes / 1e3 / Summary.of(sequential.baseline()).median()));
          PairedRounds.Result small =
              PairedRounds.run(
                  NAME + " small " + path,
                  "ms",
                  context.options(),
                  () ->
                      timeMillis(
                          () -> readSmall(fs, new org.apache.hadoop.fs.Path(folder)), ticker),
                  () -> timeMillis(() -> readSmall(raw, largeOnUfs), ticker));
          context
              .table()
              .add(
                  NAME,
                  String.format(
                      "open + read %d files of %d bytes, metasync:// %s vs file:// (raw)",
                      SMALL_FILES, SMALL_BYTES, path),
                  "ms per " + SMALL_FILES + " files",
                  small,
                  "–");
        }
      }
    } finally {
      FolderDeletion.delete(local);
    }
  }

  private static FileSystem metasync(BenchMaster master, boolean direct) throws IOException {
    Configuration conf = new Configuration(false);
    conf.setBoolean("metasync.user.file.read.direct", direct);
    return FileSystem.newInstance(
        URI.create(MetasyncFileSystem.SCHEME + "://localhost:" + master.rpcPort() + "/"), conf);
  }

  private static void writeFixtures(Path local, long largeBytes) throws IOException {
    Files.createDirectories(local.resolve("small"));
    byte[] block = new byte[BUFFER];
    new Random(42).nextBytes(block);
    try (var out = Files.newOutputStream(local.resolve("large.bin"))) {
      for (long written = 0; written < largeBytes; written += block.length) {
        out.write(block, 0, (int) Math.min(block.length, largeBytes - written));
      }
    }
    for (int i = 0; i < SMALL_FILES; i++) {
      Files.write(local.resolve("small/f" + i), java.util.Arrays.copyOf(block, SMALL_BYTES));
    }
  }

  @FunctionalInterface
  private interface Read {
    void run() throws IOException;
  }

  private static double timeMillis(Read read, Ticker ticker) throws IOException {
    long start = ticker.nanos();
    read.run();
    return (ticker.nanos() - start) / 1e6;
  }

  private static void readWhole(FileSystem fs, org.apache.hadoop.fs.Path path) throws IOException {
    readWhole(fs, path, BUFFER);
  }

  private static void readWhole(FileSystem fs, org.apache.hadoop.fs.Path path, int bufferSize)
      throws IOException {
    byte[] buffer = new byte[bufferSize];
    long total = 0;
    try (InputStream in = fs.open(path, bufferSize)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n + buffer[0];
      }
    }
    sink += total;
  }

  private static void readSmall(FileSystem fs, org.apache.hadoop.fs.Path folder)
      throws IOException {
    for (int i = 0; i < SMALL_FILES; i++) {
      readWhole(fs, new org.apache.hadoop.fs.Path(folder, "small/f" + i), SMALL_BUFFER);
    }
  }
}
