package io.metasync.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.metasync.client.CallOptions;
import io.metasync.client.MetasyncClient;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.master.MasterFixture;
import io.metasync.ufs.CountingUnderFileSystem;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark in local mode writing and reading a partitioned Parquet table at {@code metasync://} over a
 * real master whose root is a local folder, and a partition added to that folder behind metasync's
 * back: invisible to reads with the default interval (-1), visible to a read with interval 0, and
 * visible to default reads once active sync has applied it.
 */
class MetasyncTableTest {
  private static final String INTERVAL_KEY = "metasync.user.file.metadata.sync.interval";
  private static final Map<Integer, Long> WRITTEN = Map.of(0, 4L, 1, 4L, 2, 4L);
  private static final Map<Integer, Long> WITH_ADDED = Map.of(0, 4L, 1, 4L, 2, 4L, 9, 4L);

  @TempDir static Path folder;
  private static final List<CountingUnderFileSystem> ufsCalls = new CopyOnWriteArrayList<>();
  private static MasterFixture master;
  private static MetasyncClient client;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws IOException {
    master =
        MasterFixture.start(
            folder.resolve("master"),
            ufs -> {
              CountingUnderFileSystem counting = new CountingUnderFileSystem(ufs);
              ufsCalls.add(counting);
              return (UnderFileSystem) counting;
            },
            // a change in the UFS applies within a few 200 ms intervals, however busy the folder
            Map.of(
                "metasync.master.activesync.interval", "200ms",
                "metasync.master.activesync.maxage", "2"));
    client =
        MetasyncClient.connect(
            "localhost",
            master.master().rpcPort(),
            CallOptions.from(MetasyncConfiguration.defaults()));
    spark = LocalSpark.start("metasync-table", folder.resolve("spark"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (spark != null) {
      spark.stop();
    }
    if (client != null) {
      client.close();
    }
    if (master != null) {
      master.close();
    }
  }

  private static String metasyncUri(String path) {
    return "metasync://localhost:" + master.master().rpcPort() + path;
  }

  /** The same master and path under the address 127.0.0.1: see {@link #readWithIntervalZero}. */
  private static String metasyncUriForIntervalZero(String path) {
    return "metasync://127.0.0.1:" + master.master().rpcPort() + path;
  }

  private static String ufsUri(String path) {
    return master.rootFolder().resolve(path.substring(1)).toUri().toString();
  }

  private static Dataset<Row> read(String path) {
    return spark.read().parquet(metasyncUri(path));
  }

  /**
   * A read whose listings ask the UFS, as a job started with {@code --conf
   * spark.hadoop.metasync.user.file.metadata.sync.interval=0} would make. Spark puts read options
   * into the Hadoop configuration of that read, but Hadoop's FileSystem cache keeps one instance
   * per scheme, address and user, made with the configuration of the first call: under localhost
   * that is the session's, interval -1. Under 127.0.0.1 the first call is this one. (Not {@code
   * fs.metasync.impl.disable.cache}: Spark never closes the uncached instances it makes, one per
   * task, so each would leave an open gRPC channel behind.)
   */
  private static Dataset<Row> readWithIntervalZero(String path) {
    return spark.read().option(INTERVAL_KEY, "0").parquet(metasyncUriForIntervalZero(path));
  }

  @Test
  void tableWrittenThroughMetasyncReadsBackAndLandsInUfs() throws IOException {
    Tables.writeEvents(spark, metasyncUri("/tables/events"));

    assertThat(Tables.rowsByPartition(read("/tables/events"))).isEqualTo(WRITTEN);
    assertThat(read("/tables/events").where("part = 1").sort("id").collectAsList())
        .extracting(row -> row.getLong(0))
        .containsExactly(1L, 4L, 7L, 10L);
    Path ufsTable = master.rootFolder().resolve("tables/events");
    assertThat(parquetFilesUnder(ufsTable.resolve("part=0"))).isPositive();
    // the committer's scratch folder was renamed away and deleted through metasync
    assertThat(ufsTable.resolve("_temporary")).doesNotExist();
  }

  @Test
  void listingTableWithDefaultIntervalNeverReachesUfs() {
    Tables.writeEvents(spark, metasyncUri("/tables/counted"));
    StructType schema =
        new StructType().add("id", DataTypes.LongType).add("part", DataTypes.IntegerType);
    ufsCalls.forEach(CountingUnderFileSystem::reset);

    // with a schema given, building the relation lists the table and reads no file
    String[] files =
        spark.read().schema(schema).parquet(metasyncUri("/tables/counted")).inputFiles();

    assertThat(files)
        .isNotEmpty()
        .allSatisfy(file -> assertThat(file).contains("/tables/counted/part="));
    assertThat(ufsCalls).allSatisfy(ufs -> assertThat(ufs.total()).as(ufs.toString()).isZero());
  }

  @Test
  void partitionAddedInUfsShowsOnlyToReadWithIntervalZero() {
    Tables.writeEvents(spark, metasyncUri("/tables/hidden"));
    assertThat(Tables.rowsByPartition(read("/tables/hidden"))).isEqualTo(WRITTEN);

    Tables.writeAddedPartition(spark, ufsUri("/tables/hidden"));

    assertThat(Tables.rowsByPartition(read("/tables/hidden"))).isEqualTo(WRITTEN);
    assertThat(Tables.rowsByPartition(readWithIntervalZero("/tables/hidden")))
        .isEqualTo(WITH_ADDED);
    // the interval-0 read refreshed the master's cache for every later reader
    assertThat(Tables.rowsByPartition(read("/tables/hidden"))).isEqualTo(WITH_ADDED);
  }

  @Test
  void partitionAddedInUfsShowsToDefaultReadsAfterActiveSync() {
    Tables.writeEvents(spark, metasyncUri("/tables/synced"));
    assertThat(Tables.rowsByPartition(read("/tables/synced"))).isEqualTo(WRITTEN);
    client.startSync("/tables/synced");
    // its initial sync done, the folder's cache is what the UFS held when the feed started
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.syncPathList().stream()
                    .anyMatch(
                        point ->
                            point.path().equals("/tables/synced") && point.state().equals("IDLE")));

    Tables.writeAddedPartition(spark, ufsUri("/tables/synced"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(Tables.rowsByPartition(read("/tables/synced"))).isEqualTo(WITH_ADDED));
  }

  private static long parquetFilesUnder(Path partition) throws IOException {
    try (Stream<Path> files = Files.list(partition)) {
      return files.filter(file -> file.toString().endsWith(".parquet")).count();
    }
  }
}
