package io.metasync.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same table on {@code file://} with no metasync in between: the baseline the metasync tests
 * differ from, and proof that this Spark setup itself shows a partition added between two reads.
 */
class LocalFolderTableTest {
  @TempDir static Path folder;
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start("local-folder-table", folder);
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void secondReadShowsPartitionAddedBetweenReads() {
    String table = folder.resolve("tables/events").toUri().toString();
    Tables.writeEvents(spark, table);
    assertThat(Tables.rowsByPartition(spark.read().parquet(table)))
        .isEqualTo(Map.of(0, 4L, 1, 4L, 2, 4L));

    Tables.writeAddedPartition(spark, table);

    assertThat(Tables.rowsByPartition(spark.read().parquet(table)))
        .isEqualTo(Map.of(0, 4L, 1, 4L, 2, 4L, 9, 4L));
  }
}
