package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.metasync.ufs.hdfs.MiniHdfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real master with a {@code webhdfs://} mount of a MiniDFSCluster (Hadoop's generic {@code
 * FileSystem} path of metasync-ufs-hdfs), driven through the command line: writes reach HDFS,
 * changes behind metasync's back show with interval 0, and active sync follows them by polling.
 */
class WebHdfsEndToEndTest {
  @TempDir static Path folder;
  @TempDir Path local;
  private static MiniHdfs hdfs;
  private static RunningMaster master;

  @BeforeAll
  static void start() throws IOException {
    hdfs = MiniHdfs.start(folder.resolve("hdfs"));
    master =
        RunningMaster.start(
            Files.createDirectories(folder.resolve("master")),
            Map.of("metasync.master.activesync.interval", "1s"));
  }

  @AfterAll
  static void stop() {
    if (master != null) {
      master.close();
    }
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  void webHdfsMountServesWritesReadsChangesAndActiveSync() throws IOException {
    hdfs.client().mkdirs(new org.apache.hadoop.fs.Path("/web"));
    Path upload = Files.writeString(local.resolve("upload.txt"), "uploaded bytes");
    String uri = hdfs.webHdfsUri("/web").toString();

    master.succeed("fs", "mount", "/web", uri);
    master.succeed("fs", "mkdir", "/web/a");
    master.succeed("fs", "copyFromLocal", upload.toString(), "/web/a/f.txt");
    assertThat(master.succeed("fs", "cat", "/web/a/f.txt").out()).isEqualTo("uploaded bytes");
    assertThat(master.succeed("fs", "stat", "/web/a/f.txt").outLines())
        .contains("length: 14", "ufsUri: " + uri + "/a/f.txt");
    assertThat(hdfs.client().getFileStatus(new org.apache.hadoop.fs.Path("/web/a/f.txt")).getLen())
        .isEqualTo(14);

    write("/web/a/behind.txt");
    assertThat(lastFields(master.succeed("fs", "ls", "/web/a").outLines()))
        .containsExactly("/web/a/f.txt");
    assertThat(
            lastFields(
                master
                    .succeed("fs", "ls", "-Dmetasync.user.file.metadata.sync.interval=0", "/web/a")
                    .outLines()))
        .containsExactly("/web/a/behind.txt", "/web/a/f.txt");

    master.succeed("fs", "startSync", "/web");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> master.succeed("fs", "getSyncPathList").out().contains("/web  idle"));
    write("/web/a/polled.txt");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(lastFields(master.succeed("fs", "ls", "/web/a").outLines()))
                    .contains("/web/a/polled.txt"));
    master.succeed("fs", "stopSync", "/web");
    master.succeed("fs", "rm", "-R", "/web/a");
    assertThat(hdfs.client().exists(new org.apache.hadoop.fs.Path("/web/a"))).isFalse();
  }

  private static void write(String path) throws IOException {
    try (OutputStream out = hdfs.client().create(new org.apache.hadoop.fs.Path(path))) {
      out.write("behind".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The paths of ls lines: the last field, after the time. */
  private static List<String> lastFields(List<String> lines) {
    return lines.stream().map(line -> line.substring(line.indexOf(" /") + 1)).toList();
  }
}
