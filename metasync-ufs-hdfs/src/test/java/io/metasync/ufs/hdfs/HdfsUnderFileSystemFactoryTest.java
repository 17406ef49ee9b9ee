package io.metasync.ufs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.MetasyncException;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemLoader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening HDFS mounts: found by scheme, refused clearly, one client per mount (quick failures are
 * in {@link NameNodeProbeTest}).
 */
class HdfsUnderFileSystemFactoryTest {
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
  void loaderFindsTheHdfsFactoryByScheme() throws IOException {
    try (UnderFileSystem ufs = new UnderFileSystemLoader().open(hdfs.uri("/data"), Map.of())) {
      assertThat(ufs.getStatus("/")).hasValueSatisfying(root -> assertThat(root.isDirectory()));
    }
  }

  @Test
  void missingFolderIsFileNotFoundNamingTheUri() {
    assertThatThrownBy(() -> open(hdfs.uri("/no/such/folder")))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining(hdfs.uri("/no/such/folder") + " does not exist");
  }

  @Test
  void uriWithoutNameNodeIsInvalid() {
    assertThatThrownBy(() -> open(URI.create("hdfs:///data")))
        .isInstanceOf(MetasyncException.class)
        .hasMessageContaining("names no NameNode");
  }

  @Test
  void closingOneMountLeavesAnotherMountsClientOpen() throws IOException {
    try (UnderFileSystem kept = open(hdfs.uri("/data"))) {
      open(hdfs.uri("/data")).close();

      assertThat(kept.getStatus("/")).isPresent();
    }
  }

  @Test
  void mountOptionsReachTheHadoopClient() {
    // a bad value for a client setting fails the mount, so options are not ignored
    assertThatThrownBy(
            () ->
                new HdfsUnderFileSystemFactory()
                    .create(hdfs.uri("/data"), Map.of("dfs.client.socket-timeout", "soon")))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("soon");
  }

  private static UnderFileSystem open(URI uri) throws IOException {
    return new HdfsUnderFileSystemFactory().create(uri, Map.of());
  }
}
