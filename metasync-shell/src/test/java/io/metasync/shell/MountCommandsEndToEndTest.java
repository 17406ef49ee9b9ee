package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.client.MountInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountCommandsEndToEndTest {
  @TempDir static Path folder;
  @TempDir Path other;
  private static RunningMaster master;

  @BeforeAll
  static void startMaster() {
    master = RunningMaster.start(folder);
  }

  @AfterAll
  static void stopMaster() {
    master.close();
  }

  @Test
  void mountTableStartsWithTheRoot() {
    assertThat(master.succeed("fs", "mountTable").outLines())
        .first()
        .asString()
        .matches("/  " + Pattern.quote(uri(master.rootUfs())) + "/?");
  }

  @Test
  void plainLocalPathIsMountedAsFileUriAndUnmountLeavesTheFolder() throws IOException {
    Files.writeString(other.resolve("data.csv"), "a,b");

    master.succeed("fs", "mount", "--readonly", "/plain", other.toString());

    assertThat(master.succeed("fs", "mountTable").outLines())
        .contains("/plain  " + uri(other) + "  readonly");
    assertThat(master.succeed("fs", "cat", "/plain/data.csv").out()).isEqualTo("a,b");

    master.succeed("fs", "unmount", "/plain");

    assertThat(master.succeed("fs", "mountTable").out()).doesNotContain("/plain");
    assertThat(other.resolve("data.csv")).hasContent("a,b");
  }

  @Test
  void readOnlyMountRefusesWrites() {
    master.succeed("fs", "mount", "--readonly", "--shared", "/frozen", uri(other));

    assertThat(master.fail("fs", "touch", "/frozen/new")).contains("/frozen");
    assertThat(other.resolve("new")).doesNotExist();
    master.succeed("fs", "unmount", "/frozen");
  }

  @Test
  void optionTheUfsDoesNotTakeIsRefused() {
    assertThat(master.fail("fs", "mount", "--option", "dfs.replication=1", "/opts", uri(other)))
        .contains("dfs.replication");
  }

  @Test
  void unmountOfAPathThatIsNoMountFails() {
    master.succeed("fs", "mkdir", "/not-a-mount");

    assertThat(master.fail("fs", "unmount", "/not-a-mount")).contains("/not-a-mount");
  }

  @Test
  void mountTableLineListsFlagsThenSortedOptions() {
    assertThat(
            MountTableCommand.line(
                new MountInfo("/hdfs", "hdfs://nn:8020/x", true, true, Map.of("b", "2", "a", "1"))))
        .isEqualTo("/hdfs  hdfs://nn:8020/x  readonly  shared  a=1  b=2");
  }

  private static String uri(Path path) {
    return UfsUris.toUri(path.toString(), Path.of("/"));
  }

  @Test
  void mountOfAPortThatIsNotANameNodeIsOneLineWithinSeconds() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread greeter = new Thread(() -> greetLikeSsh(server), "ssh-like-server");
      greeter.setDaemon(true);
      greeter.start();
      String address = "localhost:" + server.getLocalPort();
      Instant start = Instant.now();

      String error = master.fail("fs", "mount", "/nn", "hdfs://" + address + "/");

      assertThat(error)
          .isEqualTo(
              "Error: cannot mount hdfs://"
                  + address
                  + "/: "
                  + address
                  + " does not answer as an HDFS NameNode (its answer is not Hadoop RPC);"
                  + " check the host and port");
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
    }
  }

  private static void greetLikeSsh(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        OutputStream out = socket.getOutputStream();
        out.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes());
        out.flush();
        socket.getInputStream().read(); // until the client gives up
      } catch (IOException e) {
        // the test closed the server, or the client went away
      }
    }
  }
}
