package io.metasync.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** A Spark session in this JVM, small and quiet enough for a test class to share. */
final class LocalSpark {
  private LocalSpark() {}

  /** A {@code local[2]} session whose warehouse folder lives under {@code folder}. */
  static SparkSession start(String appName, Path folder) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.warehouse.dir", folder.resolve("warehouse").toUri().toString())
        // Spark keeps the leaf files of every table it listed in a session-wide cache
        // (FileStatusCache) and reuses them on the next read of the same path: with it, a second
        // read
        // would show what Spark remembers, not what the file system answers now.
        .config("spark.sql.hive.filesourcePartitionFileCacheSize", "0")
        .getOrCreate();
  }
}
