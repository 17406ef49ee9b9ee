package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.ufs.hdfs.PortsBelowEphemeralRange;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code dev-hdfs} refuses before it builds anything (a folder in use, a taken port), and that
 * no start that fails, refused or not, deletes a folder's files. The refused starts run as a user
 * runs them, in a JVM of their own: Hadoop's MiniDFSCluster scheduled a failed start's folder for
 * deletion at JVM exit.
 */
class DevHdfsRefusalTest {
  @TempDir Path folder;
  @TempDir Path scratch;

  @Test
  void aSecondStartOnAFolderInUseIsRefusedNamingTheHolderAndTheFirstKeepsItsFiles()
      throws Exception {
    org.apache.hadoop.fs.Path before = new org.apache.hadoop.fs.Path("/kept/before");
    try (DevHdfs first = DevHdfs.start(PortsBelowEphemeralRange.freePort(), folder);
        FileSystem client = FileSystem.newInstance(first.uri(), new Configuration(false))) {
      write(client, before, "written before");
      String refusal =
          "the folder "
              + folder
              + " is in use by another dev-hdfs (pid "
              + ProcessHandle.current().pid()
              + "); stop that one, or choose another folder with --dir";

      ShellRunner.Result second = devHdfs(PortsBelowEphemeralRange.freePort(), folder);
      // what the second did to the folder shows only once its JVM exited
      assertThat(read(client, before)).isEqualTo("written before");
      assertThat(((DistributedFileSystem) client).isInSafeMode()).isFalse();
      org.apache.hadoop.fs.Path after = new org.apache.hadoop.fs.Path("/kept/after");
      write(client, after, "written after");
      assertThat(read(client, after)).isEqualTo("written after");

      assertThat(second.exitCode()).as("%s", second).isEqualTo(ErrorReporter.FAILURE);
      assertThat(second.err().lines()).as("%s", second).containsExactly("Error: " + refusal);
      // the same start within this JVM (a test's, say) is refused alike
      assertThatThrownBy(() -> DevHdfs.start(PortsBelowEphemeralRange.freePort(), folder))
          .isInstanceOfSatisfying(
              MetasyncException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION))
          .hasMessage(refusal);
    }
    // the first released the folder when it stopped: a start on it now finds the files
    try (DevHdfs again = DevHdfs.start(PortsBelowEphemeralRange.freePort(), folder);
        FileSystem client = FileSystem.newInstance(again.uri(), new Configuration(false))) {
      assertThat(again.formatted()).isFalse();
      assertThat(read(client, before)).isEqualTo("written before");
    }
  }

  @Test
  void aTakenPortIsRefusedWithOneLineNamingThePortOptionBeforeAnythingIsBuilt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Path hdfs = folder.resolve("hdfs");

      ShellRunner.Result start = devHdfs(port, hdfs);

      assertThat(start.exitCode()).as("%s", start).isEqualTo(ErrorReporter.FAILURE);
      assertThat(start.err().lines())
          .as("%s", start)
          .containsExactly(
              "Error: cannot listen on 127.0.0.1:"
                  + port
                  + ": the port is in use (by another dev-hdfs or NameNode?);"
                  + " choose another with --port");
      assertThat(hdfs).doesNotExist();
    }
  }

  @Test
  void aStartThatFailsInsideHdfsLeavesTheFolderAsItWas() throws Exception {
    Path version = folder.resolve("name-0-1/current/VERSION");
    Files.createDirectories(version.getParent());
    Files.writeString(version, "not a NameNode's VERSION\n");
    Path block =
        Files.writeString(Files.createDirectories(folder.resolve("data")).resolve("b"), "x");

    ShellRunner.Result start = devHdfs(PortsBelowEphemeralRange.freePort(), folder);

    assertThat(start.exitCode()).as("%s", start).isEqualTo(ErrorReporter.FAILURE);
    assertThat(start.err().lines())
        .as("%s", start)
        .singleElement()
        .asString()
        .startsWith(
            "Error: HDFS did not start on " + folder + " (the folder was left as it was): ");
    assertThat(version).hasContent("not a NameNode's VERSION");
    assertThat(block).hasContent("x");
  }

  /** {@code dev-hdfs --port P --dir D} in a JVM of its own, to its end. */
  private ShellRunner.Result devHdfs(int port, Path dir) throws Exception {
    return ShellJvm.run(
        scratch,
        "dev-hdfs",
        "--port",
        String.valueOf(port),
        "--dir",
        dir.toString(),
        "-Dmetasync.home=" + scratch);
  }

  private static void write(FileSystem client, org.apache.hadoop.fs.Path file, String text)
      throws Exception {
    try (OutputStream out = client.create(file)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String read(FileSystem client, org.apache.hadoop.fs.Path file) throws Exception {
    try (InputStream in = client.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
