package io.metasync.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.client.CallOptions;
import io.metasync.client.MetasyncClient;
import io.metasync.client.MountOptions;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.master.MasterFixture;
import io.metasync.ufs.s3.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Spark in local mode writing and reading a partitioned Parquet table at {@code metasync://} over
 * an S3 mount of a real S3 server (s3proxy, its own process): the table's objects land in the
 * bucket, and Spark reads it back through metasync's cache (issue 17).
 */
class S3TableTest {
  private static final String BUCKET = "lake";

  @TempDir static Path folder;
  private static S3ProxyServer s3;
  private static S3Client bucket;
  private static MasterFixture master;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws IOException {
    String jar = System.getProperty("metasync.test.s3proxy.jar");
    s3 =
        S3ProxyServer.start(
            new S3ProxyServer.Settings(
                Path.of(jar),
                0,
                Optional.empty(),
                "lake-access",
                "lake-secret",
                Files.createTempFile("s3proxy-spark-", ".log")));
    s3.createBucket(BUCKET);
    bucket = s3.newClient();
    master = MasterFixture.start(folder.resolve("master"));
    try (MetasyncClient client =
        MetasyncClient.connect(
            "localhost",
            master.master().rpcPort(),
            CallOptions.from(MetasyncConfiguration.defaults()))) {
      client.mount(
          "/lake",
          "s3://" + BUCKET + "/warehouse",
          new MountOptions(false, false, s3.mountOptions()));
    }
    spark = LocalSpark.start("s3-table", folder.resolve("spark"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (spark != null) {
      spark.stop();
    }
    if (master != null) {
      master.close();
    }
    if (bucket != null) {
      bucket.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void aTableWrittenThroughMetasyncLandsInTheBucketAndReadsBackFromTheCache() {
    String table = "metasync://localhost:" + master.master().rpcPort() + "/lake/events";
    Tables.writeEvents(spark, table);

    Dataset<Row> read = spark.read().parquet(table);
    assertThat(Tables.rowsByPartition(read)).isEqualTo(Map.of(0, 4L, 1, 4L, 2, 4L));
    List<String> keys =
        bucket.listObjectsV2(b -> b.bucket(BUCKET).prefix("warehouse/events/")).contents().stream()
            .map(S3Object::key)
            .toList();
    assertThat(keys).anyMatch(key -> key.matches("warehouse/events/part=0/.*\\.parquet"));
    // the committer's scratch folder was renamed away and deleted through metasync
    assertThat(keys).noneMatch(key -> key.contains("_temporary"));
  }
}
