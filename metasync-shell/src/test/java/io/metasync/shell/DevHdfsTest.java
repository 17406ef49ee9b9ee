package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevHdfsTest {
  @TempDir Path folder;

  @Test
  void servesOnItsPortFormatsOnceAndKeepsFilesAcrossARestart() throws IOException {
    int port = freePort();
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

    assertThatThrownBy(() -> DevHdfs.start(freePort(), folder))
        .hasMessageContaining("holds files of its own (e.g. precious.txt)");
    assertThat(precious).hasContent("keep me");
  }

  /**
   * A free port below the kernel's ephemeral range: the test restarts HDFS on the same port, and a
   * port from the ephemeral range can be taken in between as the local end of any outgoing
   * connection on the machine.
   */
  private static int freePort() throws IOException {
    String range =
        new String(
            Files.readAllBytes(Path.of("/proc/sys/net/ipv4/ip_local_port_range")),
            StandardCharsets.US_ASCII);
    int ephemeralStart = Integer.parseInt(range.trim().split("\\s+")[0]);
    Random random = new Random();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 10_000 + random.nextInt(Math.max(1, ephemeralStart - 10_000));
      try (ServerSocket socket = new ServerSocket(port)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // listened on by something else: try another
      }
    }
    throw new IOException("no free port between 10000 and " + ephemeralStart);
  }
}
