package io.metasync.spark;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The small partitioned table the tests write and read, and what a read of it shows. */
final class Tables {
  /** Rows of the table as written: ids 0 to 11 in partitions {@code part=0}, 1 and 2. */
  static final int ROWS = 12;

  static final int PARTITIONS = 3;

  /** The partition the tests add behind metasync's back, and its rows. */
  static final int ADDED_PARTITION = 9;

  static final int ADDED_ROWS = 4;

  private Tables() {}

  /** Writes the table to {@code uri}, partitioned by the column {@code part}. */
  static void writeEvents(SparkSession spark, String uri) {
    spark
        .range(ROWS)
        .select(col("id"), col("id").mod(PARTITIONS).cast("int").as("part"))
        .write()
        .partitionBy("part")
        .parquet(uri);
  }

  /**
   * Writes one more partition ({@code part=9}) into the table folder {@code uri}, as a job that
   * writes the folder directly would.
   */
  static void writeAddedPartition(SparkSession spark, String uri) {
    spark
        .range(100, 100 + ADDED_ROWS)
        .select(col("id"))
        .write()
        .parquet(uri + "/part=" + ADDED_PARTITION);
  }

  /** The number of rows of each partition a read of {@code table} finds, by partition value. */
  static TreeMap<Integer, Long> rowsByPartition(Dataset<Row> table) {
    List<Row> counts = table.groupBy("part").count().collectAsList();
    TreeMap<Integer, Long> byPartition = new TreeMap<>();
    for (Row row : counts) {
      byPartition.put(row.getInt(0), row.getLong(1));
    }
    return byPartition;
  }
}
