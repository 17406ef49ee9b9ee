package io.metasync.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.client.CallOptions;
import io.metasync.client.MetasyncClient;
import io.metasync.client.MountOptions;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.master.MasterFixture;
import io.metasync.ufs.CountingUnderFileSystem;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.hdfs.MiniHdfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's partition discovery of a table of 10,000 Parquet files in 100 partitions, the same table
 * read directly ({@code file://}, {@code hdfs://}) and through {@code metasync://} (interval -1:
 * the master's cache; interval 0: a sync per listing), in one run. Not part of the default test run
 * (excluded in the pom): {@code mvn -o -pl metasync-spark-it -am verify
 * -Dtest=SparkListingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Results are written to
 * {@code target/spark-listing-benchmark.txt}.
 */
class SparkListingBenchmark {
  private static final int PARTITIONS = 100;
  private static final int FILES_PER_PARTITION = 100;
  private static final int FILES = PARTITIONS * FILES_PER_PARTITION;
  private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup", 2);
  private static final int MEASURED_ROUNDS = Integer.getInteger("bench.rounds", 7);
  private static final String TABLE = "/tables/bench";
  private static final StructType SCHEMA =
      new StructType().add("id", DataTypes.LongType).add("part", DataTypes.IntegerType);

  @TempDir Path folder;

  /** One way of reading the table: a URI and the read options that go with it. */
  private record Side(String name, String uri, Map<String, String> options) {}

  @Test
  void partitionDiscoveryThroughMetasyncVersusDirect() throws Exception {
    List<CountingUnderFileSystem> ufsCounters = new CopyOnWriteArrayList<>();
    try (MasterFixture master =
            MasterFixture.start(
                folder.resolve("master"),
                ufs -> {
                  CountingUnderFileSystem counting = new CountingUnderFileSystem(ufs);
                  ufsCounters.add(counting);
                  return (UnderFileSystem) counting;
                },
                Map.of());
        MiniHdfs hdfs = MiniHdfs.start(folder.resolve("hdfs"));
        MetasyncClient client =
            MetasyncClient.connect(
                "localhost",
                master.master().rpcPort(),
                CallOptions.from(MetasyncConfiguration.defaults()))) {
      SparkSession spark = LocalSpark.start("listing-benchmark", folder.resolve("spark"));
      try {
        byte[] parquetFile = oneSmallParquetFile(spark);
        Path localTable = master.rootFolder().resolve(TABLE.substring(1));
        long started = System.nanoTime();
        writeLocalTable(localTable, parquetFile);
        log("local table of %,d files written in %d ms", FILES, millisSince(started));
        started = System.nanoTime();
        writeHdfsTable(hdfs.client(), parquetFile);
        log("HDFS table of %,d files written in %d ms", FILES, millisSince(started));
        client.mount("/hdfs", hdfs.uri("/").toString(), MountOptions.DEFAULTS);

        int port = master.master().rpcPort();
        // Hadoop caches one FileSystem per scheme, address and user, made with the configuration
        // of the first call: the interval-0 sides use the address 127.0.0.1, so that their cached
        // instance is one made with interval 0, beside the default one for localhost.
        Map<String, String> intervalZero = Map.of("metasync.user.file.metadata.sync.interval", "0");
        List<Side> sides =
            List.of(
                new Side("file:// (Hadoop local FS)", localTable.toUri().toString(), Map.of()),
                new Side(
                    "metasync:// over the local folder, interval -1",
                    "metasync://localhost:" + port + TABLE,
                    Map.of()),
                new Side(
                    "metasync:// over the local folder, interval 0",
                    "metasync://127.0.0.1:" + port + TABLE,
                    intervalZero),
                new Side("hdfs:// (MiniDFSCluster)", hdfs.uri(TABLE).toString(), Map.of()),
                new Side(
                    "metasync:// over the HDFS mount, interval -1",
                    "metasync://localhost:" + port + "/hdfs" + TABLE,
                    Map.of()),
                new Side(
                    "metasync:// over the HDFS mount, interval 0",
                    "metasync://127.0.0.1:" + port + "/hdfs" + TABLE,
                    intervalZero));

        Map<Side, Long> firstListing = new LinkedHashMap<>();
        for (Side side : sides) {
          firstListing.put(side, timeListing(spark, side));
        }
        Map<Side, List<Long>> millis = new LinkedHashMap<>();
        Map<Side, Long> ufsCalls = new LinkedHashMap<>();
        sides.forEach(side -> millis.put(side, new ArrayList<>()));
        sides.forEach(side -> ufsCalls.put(side, 0L));
        for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
          List<Side> order = new ArrayList<>(sides);
          // a different side goes first each round, so none always runs after the same neighbour
          Collections.rotate(order, round);
          for (Side side : order) {
            long callsBefore = total(ufsCounters);
            long elapsed = timeListing(spark, side);
            if (round >= WARMUP_ROUNDS) {
              millis.get(side).add(elapsed);
              ufsCalls.merge(side, total(ufsCounters) - callsBefore, Long::sum);
            }
          }
          log("round %d of %d done", round + 1, WARMUP_ROUNDS + MEASURED_ROUNDS);
        }
        report(sides, firstListing, millis, ufsCalls);
      } finally {
        spark.stop();
      }
    }
  }

  /** Builds the relation (which lists the table and discovers its partitions) and times it. */
  private static long timeListing(SparkSession spark, Side side) {
    long started = System.nanoTime();
    String[] files =
        spark.read().options(side.options()).schema(SCHEMA).parquet(side.uri()).inputFiles();
    long elapsed = millisSince(started);
    assertThat(files).as(side.name()).hasSize(FILES);
    return elapsed;
  }

  private byte[] oneSmallParquetFile(SparkSession spark) throws IOException {
    Path out = folder.resolve("one-file");
    spark.range(10).coalesce(1).write().parquet(out.toUri().toString());
    try (Stream<Path> files = Files.list(out)) {
      Path file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
      return Files.readAllBytes(file);
    }
  }

  private static void writeLocalTable(Path table, byte[] parquetFile) {
    IntStream.range(0, PARTITIONS)
        .parallel()
        .forEach(
            part -> {
              try {
                Path partition = Files.createDirectories(table.resolve("part=" + part));
                for (int file = 0; file < FILES_PER_PARTITION; file++) {
                  Files.write(partition.resolve(fileName(file)), parquetFile);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static void writeHdfsTable(DistributedFileSystem hdfs, byte[] parquetFile) {
    IntStream.range(0, PARTITIONS)
        .parallel()
        .forEach(
            part -> {
              try {
                for (int file = 0; file < FILES_PER_PARTITION; file++) {
                  org.apache.hadoop.fs.Path path =
                      new org.apache.hadoop.fs.Path(TABLE + "/part=" + part + "/" + fileName(file));
                  try (FSDataOutputStream out = hdfs.create(path)) {
                    out.write(parquetFile);
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static String fileName(int file) {
    return String.format("part-%05d.snappy.parquet", file);
  }

  private static long total(List<CountingUnderFileSystem> counters) {
    return counters.stream().mapToLong(CountingUnderFileSystem::total).sum();
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private void report(
      List<Side> sides,
      Map<Side, Long> firstListing,
      Map<Side, List<Long>> millis,
      Map<Side, Long> ufsCalls)
      throws IOException {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "Spark partition discovery, %,d files in %d partitions, %d measured rounds%n%n",
            FILES, PARTITIONS, MEASURED_ROUNDS));
    table.append(
        "| read | first listing (ms) | median (ms) | min–max (ms) | vs direct | UFS calls per listing |\n");
    table.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    long localMedian = median(millis.get(sides.get(0)));
    long hdfsMedian = median(millis.get(sides.get(3)));
    for (int i = 0; i < sides.size(); i++) {
      Side side = sides.get(i);
      List<Long> values = millis.get(side);
      long direct = i < 3 ? localMedian : hdfsMedian;
      boolean metasync = side.uri().startsWith("metasync:");
      table.append(
          String.format(
              "| %s | %d | %d | %d–%d | %.2f | %s |%n",
              side.name(),
              firstListing.get(side),
              median(values),
              Collections.min(values),
              Collections.max(values),
              (double) median(values) / direct,
              metasync ? String.valueOf(ufsCalls.get(side) / MEASURED_ROUNDS) : "–"));
    }
    System.out.print(table);
    Path results = Path.of("target", "spark-listing-benchmark.txt");
    Files.writeString(results, table, StandardCharsets.UTF_8);
    log("results written to %s", results.toAbsolutePath());
  }

  private static void log(String format, Object... args) {
    System.err.printf(format + "%n", args);
  }
}
