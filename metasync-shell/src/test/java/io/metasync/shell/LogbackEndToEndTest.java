package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with Logback and the install folder's conf/logback.xml, as bin/metasync runs it:
 * a master logs to master.log in the configured folder (and its own lines to the console), a sync
 * over the threshold is one INFO line in the file only, and an fs command's stdout holds only its
 * output and its stderr nothing.
 */
class LogbackEndToEndTest {
  private static final Pattern LISTENING =
      Pattern.compile("metasync master listening on localhost:(\\d+) \\(web port (\\d+)\\)");

  @TempDir Path home;

  private Process start(Path stdout, Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "-Dmetasync.home=" + home));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
  }

  @Test
  void aMasterLogsToItsFileAndAnFsCommandsStdoutHoldsOnlyItsOutput() throws Exception {
    Files.createDirectories(home.resolve("conf"));
    Files.copy(Path.of("..", "conf", "logback.xml"), home.resolve("conf/logback.xml"));
    Files.createDirectories(home.resolve("data/ufs/table"));
    Path logs = home.resolve("my-logs");
    Path masterErr = home.resolve("master.err");
    Process master =
        start(
            home.resolve("master.out"),
            masterErr,
            "master",
            "-Dmetasync.master.rpc.port=0",
            "-Dmetasync.master.web.port=0",
            "-Dmetasync.master.journal.port=0",
            "-Dmetasync.master.log.dir=" + logs,
            "-Dmetasync.master.sync.log.threshold=0");
    try {
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> LISTENING.matcher(Files.readString(masterErr)).find() || !master.isAlive());
      Matcher listening = LISTENING.matcher(Files.readString(masterErr));
      assertThat(listening.find()).as("master's stderr:\n%s", Files.readString(masterErr)).isTrue();

      Path lsOut = home.resolve("ls.out");
      Path lsErr = home.resolve("ls.err");
      Process ls =
          start(lsOut, lsErr, "fs", "-Dmetasync.master.rpc.port=" + listening.group(1), "ls", "/");
      assertThat(ls.waitFor(2, TimeUnit.MINUTES)).isTrue();

      assertThat(ls.exitValue()).as("ls stderr: %s", Files.readString(lsErr)).isZero();
      assertThat(Files.readAllLines(lsOut)).singleElement().asString().endsWith(" /table");
      assertThat(Files.readString(lsErr)).isEmpty();
      Path logFile = logs.resolve("master.log");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(Files.readString(logFile))
                      .containsPattern(
                          "INFO +\\[main\\] io\\.metasync\\.master\\.MasterProcess - metasync master serving")
                      .containsPattern(
                          "INFO +\\[.*\\] io\\.metasync\\.master\\.sync\\.log - sync / trigger=on_demand"
                              + " depth=children listed=\\d+ added=1 updated=\\d+ removed=0 ufsCalls=\\d+"
                              + " durationMs=\\d+"));
      assertThat(Files.readString(masterErr))
          .as("the master's own lines on the console, the syncs' in the file only")
          .containsPattern("INFO .*metasync master serving")
          .doesNotContain("trigger=on_demand");
      assertThat(home.resolve("logs")).doesNotExist();
    } finally {
      master.destroy();
      if (!master.waitFor(60, TimeUnit.SECONDS)) {
        master.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
