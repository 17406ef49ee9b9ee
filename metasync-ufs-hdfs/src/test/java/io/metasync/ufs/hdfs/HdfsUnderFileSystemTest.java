package io.metasync.ufs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.ufs.AbstractUnderFileSystemTest;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UFS contract against a MiniDFSCluster, each test in a fresh folder of one shared cluster. */
class HdfsUnderFileSystemTest extends AbstractUnderFileSystemTest {
  @TempDir static Path clusterFolder;
  private static MiniHdfs hdfs;
  private static final AtomicInteger folders = new AtomicInteger();

  @BeforeAll
  static void startCluster() throws IOException {
    hdfs = MiniHdfs.start(clusterFolder);
  }

  @AfterAll
  static void stopCluster() {
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Override
  protected UnderFileSystem newUnderFileSystem() throws IOException {
    String folder = "/test-" + folders.incrementAndGet();
    hdfs.client().mkdirs(new org.apache.hadoop.fs.Path(folder));
    return new HdfsUnderFileSystemFactory().create(hdfs.uri(folder), Map.of());
  }

  /**
   * HDFS's mkdirs says yes to an existing folder, and one call is all a mkdir makes: an empty
   * folder is taken as made (with its own status), one with children is refused.
   */
  @Test
  void mkdirOfAnExistingEmptyFolderAnswersWithItsStatus() throws IOException {
    UfsStatus first = ufs().mkdir("/empty", 0755);

    assertThat(ufs().mkdir("/empty", 0755)).isEqualTo(first);
  }
}
