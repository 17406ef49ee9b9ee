package io.metasync.ufs.hdfs;

import io.metasync.ufs.AbstractUnderFileSystemTest;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UFS contract through Hadoop's generic {@code FileSystem} path, against a MiniDFSCluster's
 * WebHDFS endpoint ({@code webhdfs://}), each test in a fresh folder of one shared cluster.
 */
class WebHdfsUnderFileSystemTest extends AbstractUnderFileSystemTest {
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
    return new HadoopUnderFileSystemFactory.WebHdfs().create(hdfs.webHdfsUri(folder), Map.of());
  }
}
