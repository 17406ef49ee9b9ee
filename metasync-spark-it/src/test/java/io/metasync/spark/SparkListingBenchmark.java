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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's partition discovery of a table of 10,000 (empty) Parquet files in 100 partitions, the
 * same table read directly ({@code file://}, {@code hdfs://}) and through {@code metasync://}
 * (interval -1: the master's cache; interval 0: a sync per listing), in one run. Not part of the
 * default test run (excluded in the pom): {@code mvn -o -pl metasync-spark-it -am verify
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
        Path localTable = master.rootFolder().resolve(TABLE.substring(1));
        long started = System.nanoTime();
        writeTable(
            (partition, file) ->
                Files.createFile(
                    Files.createDirectories(localTable.resolve(partition)).resolve(file)));
        log("local table of %,d files written in %d ms", FILES, millisSince(started));
        started = System.nanoTime();
        DistributedFileSystem hdfsClient = hdfs.client();
        writeTable(
            (partition, file) ->
                hdfsClient
                    .create(new org.apache.hadoop.fs.Path(TABLE + "/" + partition + "/" + file))
                    .close());
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

        // Spark's own warm-up (class loading, JIT) is paid here, not by the first side's first
        // listing
        timeListing(spark, sides.get(0));
        // the first listing through metasync loads the table into the master (load type ONCE)
        Map<Side, Long> firstListing = new LinkedHashMap<>();
        for (Side side : sides) {
          firstListing.put(side, timeListing(spark, side));
        }
        StringBuilder results = new StringBuilder();
        results.append(
            measure(
                spark,
                sides,
                firstListing,
                ufsCounters,
                "Spark's defaults: the 100 partition folders (more than"
                    + " parallelPartitionDiscovery.threshold, 32) are listed by a Spark job"));
        // the same listing done by the driver alone, folder after folder: no job, no task overhead
        spark.conf().set("spark.sql.sources.parallelPartitionDiscovery.threshold", "1000");
        results.append(
            measure(
                spark,
                sides,
                Map.of(),
                ufsCounters,
                "parallelPartitionDiscovery.threshold=1000: the driver lists the 101 folders"
                    + " one after another"));
        results.append(String.format("load average at the end: %s%n", loadAverage()));
        System.out.print(results);
        Path file = Path.of("target", "spark-listing-benchmark.txt");
        Files.writeString(file, results, StandardCharsets.UTF_8);
        log("results written to %s", file.toAbsolutePath());
      } finally {
        spark.stop();
      }
    }
  }

  /** Rounds of every side in turn; returns the Markdown table of what they measured. */
  private static String measure(
      SparkSession spark,
      List<Side> sides,
      Map<Side, Long> firstListing,
      List<CountingUnderFileSystem> ufsCounters,
      String title) {
    log("load average before \"%s\": %s", title, loadAverage());
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
    return report(title, sides, firstListing, millis, ufsCalls);
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

  /**
   * Writes the table's empty files, 16 at a time: an HDFS file with bytes costs a DataNode pipeline
   * (about 6 files/s here under load), and a listing does not read them.
   */
  private static void writeTable(PartitionWriter writer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> partitions = new ArrayList<>();
      for (int part = 0; part < PARTITIONS; part++) {
        int partition = part;
        partitions.add(
            pool.submit(
                () -> {
                  for (int file = 0; file < FILES_PER_PARTITION; file++) {
                    writer.create("part=" + partition, fileName(file));
                  }
                  return null;
                }));
      }
      for (Future<?> partition : partitions) {
        partition.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Creates one empty file of the table. */
  private interface PartitionWriter {
    void create(String partition, String file) throws IOException;
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

  private static String report(
      String title,
      List<Side> sides,
      Map<Side, Long> firstListing,
      Map<Side, List<Long>> millis,
      Map<Side, Long> ufsCalls) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "%nSpark partition discovery, %,d files in %d partitions, %d measured rounds after %d"
                + " warm-up rounds; %s%n%n",
            FILES, PARTITIONS, MEASURED_ROUNDS, WARMUP_ROUNDS, title));
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
              "| %s | %s | %d | %d–%d | %.2f | %s |%n",
              side.name(),
              firstListing.containsKey(side) ? String.valueOf(firstListing.get(side)) : "–",
              median(values),
              Collections.min(values),
              Collections.max(values),
              (double) median(values) / direct,
              metasync ? String.valueOf(ufsCalls.get(side) / MEASURED_ROUNDS) : "–"));
    }
    return table.toString();
  }

  private static String loadAverage() {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/loadavg")), StandardCharsets.US_ASCII)
          .trim();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static void log(String format, Object... args) {
    System.err.printf(format + "%n", args);
  }
}
