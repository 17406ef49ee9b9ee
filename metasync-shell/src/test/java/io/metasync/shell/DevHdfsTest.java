package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.ufs.hdfs.PortsBelowEphemeralRange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevHdfsTest {
  @TempDir Path folder;

  @Test
  void servesOnItsPortFormatsOnceAndKeepsFilesAcrossARestart() throws IOException {
    int port = PortsBelowEphemeralRange.freePort();
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path("/kept/file");
    try (DevHdfs hdfs = DevHdfs.start(port, folder)) {
      assertThat(hdfs.uri()).hasToString("hdfs://localhost:" + port + "/");
      assertThat(hdfs.formatted()).isTrue();
      try (FileSystem client = FileSystem.newInstance(hdfs.uri(), new Configuration(false));
          OutputStream out = client.create(file)) {
        out.write(42);
      }
    }

    try (DevHdfs hdfs = DevHdfs.start(port, folder);
        FileSystem client = FileSystem.newInstance(hdfs.uri(), new Configuration(false))) {
      assertThat(hdfs.formatted()).isFalse();
      assertThat(client.getFileStatus(file).getLen()).isEqualTo(1);
    }
  }

  @Test
  void folderWithFilesOfItsOwnIsNeverFormatted() throws IOException {
    Path precious = Files.writeString(folder.resolve("precious.txt"), "keep me");

    assertThatThrownBy(() -> DevHdfs.start(PortsBelowEphemeralRange.freePort(), folder))
        .hasMessageContaining("holds files of its own (e.g. precious.txt)");
    assertThat(precious).hasContent("keep me");
  }
}
