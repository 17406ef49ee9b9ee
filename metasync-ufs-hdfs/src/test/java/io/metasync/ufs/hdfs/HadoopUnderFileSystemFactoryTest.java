package io.metasync.ufs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.MetasyncException;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.PollingChangeFeed;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemLoader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening mounts of schemes that Hadoop serves (here {@code webhdfs://} of a MiniDFSCluster): found
 * by scheme, refused clearly, followed by polling.
 */
class HadoopUnderFileSystemFactoryTest {
  @TempDir static Path clusterFolder;
  private static MiniHdfs hdfs;

  @BeforeAll
  static void startCluster() throws IOException {
    hdfs = MiniHdfs.start(clusterFolder);
    hdfs.client().mkdirs(new org.apache.hadoop.fs.Path("/data"));
  }

  @AfterAll
  static void stopCluster() {
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  void loaderFindsTheWebHdfsFactoryByScheme() throws IOException {
    try (UnderFileSystem ufs =
        new UnderFileSystemLoader().open(hdfs.webHdfsUri("/data"), Map.of())) {
      assertThat(ufs.getStatus("/")).hasValueSatisfying(root -> assertThat(root.isDirectory()));
      assertThat(ufs.uriOf("/a").toString()).isEqualTo(hdfs.webHdfsUri("/data/a").toString());
    }
  }

  @Test
  void hdfsSchemeStaysWithTheNativeFactory() throws IOException {
    try (UnderFileSystem ufs = new UnderFileSystemLoader().open(hdfs.uri("/data"), Map.of())) {
      assertThat(ufs).isInstanceOf(HdfsUnderFileSystem.class);
    }
  }

  @Test
  void changesAreFollowedByPolling() throws IOException {
    try (UnderFileSystem ufs = open(hdfs.webHdfsUri("/data"));
        ChangeFeed feed = ufs.openChangeFeed(null, Duration.ofSeconds(1))) {
      assertThat(feed).isInstanceOf(PollingChangeFeed.class);
    }
  }

  @Test
  void missingFolderIsFileNotFoundNamingTheUri() {
    assertThatThrownBy(() -> open(hdfs.webHdfsUri("/no/such/folder")))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining(hdfs.webHdfsUri("/no/such/folder") + " does not exist");
  }

  @Test
  void schemeWithoutHadoopFileSystemOnTheClassPathNamesWhatToAdd() {
    assertThatThrownBy(
            () -> new UnderFileSystemLoader().open(URI.create("s3a://bucket/data"), Map.of()))
        .isInstanceOf(MetasyncException.class)
        .hasMessageContaining("no Hadoop file system for s3a://")
        .hasMessageContaining("hadoop-aws");
  }

  private static UnderFileSystem open(URI uri) throws IOException {
    return new HadoopUnderFileSystemFactory.WebHdfs().create(uri, Map.of());
  }
}
