package io.metasync.ufs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.ufs.UnderFileSystem;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped NameNode is a quick failure, never an absence, and the same UFS works once it is back.
 */
class NameNodeOutageTest {
  @TempDir static Path clusterFolder;
  private static MiniHdfs hdfs;

  @BeforeAll
  static void startCluster() throws IOException {
    hdfs = MiniHdfs.start(clusterFolder);
    hdfs.client().mkdirs(new org.apache.hadoop.fs.Path("/data/d"));
  }

  @AfterAll
  static void stopCluster() {
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  void callsFailWithinSecondsWhileTheNameNodeIsDownAndSucceedAfterItsRestart() throws IOException {
    try (UnderFileSystem ufs =
        new HdfsUnderFileSystemFactory().create(hdfs.uri("/data"), Map.of())) {
      hdfs.stopNameNode();
      try {
        Instant start = Instant.now();
        assertThatThrownBy(() -> ufs.getStatus("/d"))
            .isInstanceOf(IOException.class)
            .isNotInstanceOf(FileNotFoundException.class)
            .hasMessage("connection refused");
        assertThatThrownBy(() -> ufs.list("/d"))
            .isInstanceOf(IOException.class)
            .isNotInstanceOf(FileNotFoundException.class);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
      } finally {
        hdfs.startNameNode();
      }

      assertThat(ufs.getStatus("/d")).isPresent();
    }
  }
}
