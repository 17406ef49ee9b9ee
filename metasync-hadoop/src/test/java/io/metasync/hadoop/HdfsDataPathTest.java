package io.metasync.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.client.MetasyncClient;
import io.metasync.client.MountOptions;
import io.metasync.common.LoadType;
import io.metasync.common.SyncInterval;
import io.metasync.master.MasterFixture;
import io.metasync.ufs.CountingUnderFileSystem;
import io.metasync.ufs.UfsOperation;
import io.metasync.ufs.hdfs.MiniHdfs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading an {@code hdfs://} mount through metasync://: straight from the DataNode, or via the
 * master.
 */
class HdfsDataPathTest {
  @TempDir static Path folder;
  private static MiniHdfs hdfs;
  private static MasterFixture master;
  private static volatile CountingUnderFileSystem hdfsCalls;
  private static URI uri;

  @BeforeAll
  static void start() throws IOException {
    hdfs = MiniHdfs.start(folder.resolve("hdfs"));
    hdfs.client().mkdirs(new org.apache.hadoop.fs.Path("/data"));
    master =
        MasterFixture.start(
            folder.resolve("master"),
            ufs -> {
              CountingUnderFileSystem counting = new CountingUnderFileSystem(ufs);
              if ("hdfs".equals(ufs.rootUri().getScheme())) {
                hdfsCalls = counting;
              }
              return counting;
            },
            Map.of());
    try (MetasyncClient client =
        MetasyncClient.connect(
            "localhost",
            master.master().rpcPort(),
            new io.metasync.client.CallOptions(SyncInterval.NEVER, LoadType.ONCE))) {
      client.mount("/hdfs", hdfs.uri("/data").toString(), MountOptions.DEFAULTS);
    }
    uri = URI.create("metasync://localhost:" + master.master().rpcPort() + "/");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    master.close();
    hdfs.close();
  }

  @BeforeEach
  void resetCounts() {
    if (hdfsCalls != null) {
      hdfsCalls.reset();
    }
  }

  @Test
  void directReadComesFromTheDataNodeAndSeeksAndReadsAtPositions() throws IOException {
    byte[] content = write("/data/direct.bin", 3 << 20, 1);
    try (FileSystem fs = metasync(true);
        FSDataInputStream in = fs.open(new org.apache.hadoop.fs.Path("/hdfs/direct.bin"))) {
      assertThat(in.readAllBytes()).isEqualTo(content);
      in.seek(1_000_000);
      assertThat(in.read()).isEqualTo(content[1_000_000] & 0xff);
      byte[] part = new byte[100];
      in.readFully(2_000_000, part);
      assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(content, 2_000_000, 2_000_100));
    }
    assertThat(hdfsCalls.count(UfsOperation.OPEN)).isZero();
  }

  @Test
  void fileRewrittenInHdfsBehindTheBackIsReadWithItsNewLength() throws IOException {
    write("/data/rewritten.bin", 1000, 2);
    try (FileSystem fs = metasync(true)) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path("/hdfs/rewritten.bin");
      assertThat(fs.getFileStatus(path).getLen()).isEqualTo(1000);
      byte[] rewritten = write("/data/rewritten.bin", 2500, 3);

      try (FSDataInputStream in = fs.open(path)) {
        assertThat(in.readAllBytes()).isEqualTo(rewritten);
      }
      assertThat(fs.getFileStatus(path).getLen()).isEqualTo(2500);
    }
  }

  @Test
  void readThroughTheMasterStreamsFromHdfsOnTheMaster() throws IOException {
    byte[] content = write("/data/streamed.bin", 1 << 20, 4);
    try (FileSystem fs = metasync(false);
        FSDataInputStream in = fs.open(new org.apache.hadoop.fs.Path("/hdfs/streamed.bin"))) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(hdfsCalls.count(UfsOperation.OPEN)).isEqualTo(1);
  }

  private static FileSystem metasync(boolean direct) throws IOException {
    Configuration conf = new Configuration(false);
    conf.setBoolean("metasync.user.file.read.direct", direct);
    return FileSystem.newInstance(uri, conf);
  }

  private static byte[] write(String path, int length, long seed) throws IOException {
    byte[] content = new byte[length];
    new Random(seed).nextBytes(content);
    try (FSDataOutputStream out = hdfs.client().create(new org.apache.hadoop.fs.Path(path), true)) {
      out.write(content);
    }
    return content;
  }
}
