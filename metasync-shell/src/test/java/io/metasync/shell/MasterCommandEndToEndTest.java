package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metasync master} in a process of its own, as a user runs it: it says where it listens,
 * holds its journal against {@code format} and a second master, and stops cleanly on a signal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MasterCommandEndToEndTest {
  private static final Pattern LISTENING =
      Pattern.compile(
          "metasync master listening on localhost:(\\d+) \\(web port (\\d+)\\);"
              + " root mounted from (\\S+); Ctrl-C to stop");

  @TempDir static Path folder;
  private static Path journal;
  private static Process master;
  private static Path masterErr;
  private static int rpcPort;
  private static ShellRunner shell;

  @BeforeAll
  static void startMasterProcess() throws IOException {
    journal = folder.resolve("data/journal");
    masterErr = folder.resolve("master-stderr.txt");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    master =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "master",
                "-Dmetasync.home=" + folder,
                "-Dmetasync.master.rpc.port=0",
                "-Dmetasync.master.web.port=0",
                "-Dmetasync.master.journal.port=0")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(masterErr.toFile())
            .start();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> LISTENING.matcher(masterErr()).find() || !master.isAlive());
    Matcher listening = LISTENING.matcher(masterErr());
    assertThat(listening.find()).as("master's stderr:\n%s", masterErr()).isTrue();
    rpcPort = Integer.parseInt(listening.group(1));
    assertThat(listening.group(3))
        .isEqualTo(folder.resolve("data/ufs").toUri().toString().replaceAll("/$", ""));
    shell = new ShellRunner(folder, "-Dmetasync.master.rpc.port=" + rpcPort);
  }

  private static String masterErr() throws IOException {
    return Files.readString(masterErr);
  }

  @AfterAll
  static void stopMasterProcess() throws InterruptedException {
    if (master.isAlive()) {
      master.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void servesTheRootFolderUnderTheInstallFolder() {
    ShellRunner.Result result = shell.run("fs", "mkdir", "/made-by-test");

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(folder.resolve("data/ufs/made-by-test")).isDirectory();
  }

  @Test
  void formatIsRefusedWhileTheMasterRuns() {
    ShellRunner.Result result = shell.run("format", "--force");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("Error: a master is running on the journal " + journal)
        .hasLineCount(1);
    assertThat(journal.resolve("master.lock")).exists();
  }

  @Test
  void secondMasterOnTheSameJournalIsRefused() {
    ShellRunner.Result result =
        shell.run(
            "master",
            "-Dmetasync.master.rpc.port=0",
            "-Dmetasync.master.web.port=0",
            "-Dmetasync.master.journal.port=0");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("Error: another master is running on the journal")
        .hasLineCount(1);
  }

  @Test
  void masterOnABusyPortSaysWhichKeyToChange() {
    ShellRunner.Result result =
        shell.run(
            "master",
            "-Dmetasync.master.journal.folder=" + folder.resolve("other-journal"),
            "-Dmetasync.master.web.port=0",
            "-Dmetasync.master.journal.port=0");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("Error: cannot listen on localhost:" + rpcPort + ": ")
        .endsWith("; choose another port with -Dmetasync.master.rpc.port=PORT\n")
        .hasLineCount(1);
  }

  @Test
  void masterOnATakenJournalPortIsOneLineAndWritesNoJournal() throws IOException {
    Path journal = folder.resolve("never-written");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      ShellRunner.Result result =
          new ShellRunner(folder)
              .run(
                  "master",
                  "-Dmetasync.master.journal.folder=" + journal,
                  "-Dmetasync.master.rpc.port=0",
                  "-Dmetasync.master.web.port=0",
                  "-Dmetasync.master.journal.port=" + taken.getLocalPort());

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .isEqualTo(
              "Error: cannot listen on localhost:"
                  + taken.getLocalPort()
                  + ": the address is in use (is another master running?); choose another port"
                  + " with -Dmetasync.master.journal.port=PORT\n");
    }
    assertThat(journal).doesNotExist();
  }

  @Test
  @Order(Integer.MAX_VALUE) // the others need the master running
  void signalStopsTheMasterCleanlyAndReleasesTheJournal() throws Exception {
    // SIGTERM runs the shutdown hooks, as Ctrl-C does (Process.destroy would also close the pipes)
    master.toHandle().destroy();

    assertThat(master.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(master.exitValue()).as("%s", masterErr()).isEqualTo(143); // 128 + SIGTERM
    assertThat(masterErr()).contains("metasync master stopped");
    ShellRunner.Result format = shell.run("format", "--force");
    assertThat(format.exitCode()).as("%s", format).isZero();
    try (var left = Files.list(journal)) {
      assertThat(left.map(path -> path.getFileName().toString()).toList())
          .isSubsetOf(List.of("master.lock"));
    }
  }
}
