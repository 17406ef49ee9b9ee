package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a wrong command line or a failure looks: one Error line and an exit code; no master runs. */
class CommandLineErrorsTest {
  @TempDir Path home;
  private ShellRunner shell;
  private int freePort;

  @BeforeEach
  void setUp() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    shell = new ShellRunner(home, "-Dmetasync.master.rpc.port=" + freePort);
  }

  @Test
  void helpGoesToStdoutAndExitsZero() {
    ShellRunner.Result result = shell.run("fs", "ls", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: metasync fs ls [-hR] PATH");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void aBareNumberBelowOneThousandForAnIntervalIsWarnedAboutOnceOnStderr() {
    String warning =
        "Warning: metasync.user.file.metadata.sync.interval=30 means 30 ms; write 30s for seconds";

    ShellRunner.Result result =
        shell.run("fs", "ls", "-Dmetasync.user.file.metadata.sync.interval=30", "/x");

    assertThat(result.err().lines()).hasSize(2).first().isEqualTo(warning);
    assertThat(result.err()).contains("Error: cannot reach the master at localhost:" + freePort);
    assertThat(shell.run("fs", "ls", "-Dmetasync.user.file.metadata.sync.interval=30s", "/x").err())
        .doesNotContain("Warning");
  }

  @Test
  void missingCommandIsAUsageErrorListingTheCommands() {
    ShellRunner.Result result = shell.run("fs");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("Error: missing command; choose one of ls, stat, mkdir,")
        .contains("; usage: metasync fs [-h] COMMAND")
        .hasLineCount(1);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void missingParameterIsOneLineWithTheSynopsis() {
    ShellRunner.Result result = shell.run("fs", "ls");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("Error: Missing required parameter: 'PATH'; usage: metasync fs ls [-hR] PATH\n");
  }

  @Test
  void mistypedCommandSuggestsTheRightOne() {
    ShellRunner.Result result = shell.run("fs", "mkdri", "/x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("(did you mean mkdir").hasLineCount(1);
  }

  @Test
  void badModeIsAUsageErrorNamingTheArgument() {
    ShellRunner.Result result = shell.run("fs", "chmod", "u+x", "/x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("Error: Invalid value for positional parameter at index 0 (MODE):")
        .contains("'u+x' is not an octal mode such as 755 or 0644")
        .hasLineCount(1);
  }

  @Test
  void badOwnerIsAUsageError() {
    ShellRunner.Result result = shell.run("fs", "chown", "alice:", "/x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("'alice:' is not OWNER or OWNER:GROUP").hasLineCount(1);
  }

  @Test
  void absentMasterIsAFailureSayingHowToStartIt() {
    ShellRunner.Result result = shell.run("fs", "ls", "/");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Error: cannot reach the master at localhost:"
                + freePort
                + " (is it running? start it with bin/metasync master)\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void definitionBeforeTheCommandCountsToo() {
    ShellRunner.Result result =
        shell.run("-Dmetasync.master.hostname=127.0.0.1", "fs", "stat", "/");

    assertThat(result.err()).startsWith("Error: cannot reach the master at 127.0.0.1:");
  }

  @Test
  void unknownConfigurationKeyIsNamed() {
    ShellRunner.Result result =
        shell.run("fs", "ls", "/", "-Dmetasync.user.file.metadata.sync.intreval=0");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("Error: unknown configuration key metasync.user.file.metadata.sync.intreval")
        .hasLineCount(1);
  }

  @Test
  void badValueInTheSiteFileIsNamedWithTheFile() throws IOException {
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(
        home.resolve("conf/metasync-site.properties"),
        "metasync.user.file.metadata.load.type=SOMETIMES\n");

    ShellRunner.Result result = shell.run("fs", "ls", "/");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("'SOMETIMES' for metasync.user.file.metadata.load.type")
        .contains("metasync-site.properties")
        .hasLineCount(1);
  }

  @Test
  void debugAddsTheStackTrace() {
    ShellRunner.Result result = shell.run("fs", "ls", "/", "-Dmetasync.user.debug=true");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("Error: cannot reach the master")
        .contains("io.metasync.common.MetasyncException")
        .contains("\tat ");
  }

  @Test
  void missingLocalFileIsNamedBeforeTheMasterIsAsked() {
    ShellRunner.Result result =
        shell.run("fs", "copyFromLocal", home.resolve("nope.txt").toString(), "/x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("Error: local file " + home.resolve("nope.txt") + " does not exist\n");
  }
}
