package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metasync hadoop-fs} on {@code metasync://} paths: Hadoop's FsShell over a real master. */
class HadoopFsMetasyncSchemeTest {
  @TempDir static Path folder;
  @TempDir Path local;
  private static RunningMaster master;
  private static String root;

  @BeforeAll
  static void startMaster() {
    master = RunningMaster.start(folder);
    root = "metasync://localhost:" + master.master().rpcPort();
  }

  @AfterAll
  static void stopMaster() {
    master.close();
  }

  @Test
  void fsShellCommandsWorkOnMetasyncPaths() throws IOException {
    Path report = Files.writeString(local.resolve("report.csv"), "a,b\n1,2\n");

    master.succeed("hadoop-fs", "-mkdir", "-p", root + "/shell/in");
    master.succeed("hadoop-fs", "-put", report.toString(), root + "/shell/in/report.csv");
    assertThat(master.ufsPath("/shell/in/report.csv")).hasContent("a,b\n1,2");

    assertThat(master.succeed("hadoop-fs", "-ls", root + "/shell/in").out())
        .contains("Found 1 items")
        .contains(root + "/shell/in/report.csv");
    assertThat(master.succeed("hadoop-fs", "-cat", root + "/shell/in/report.csv").outBytes())
        .isEqualTo("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));

    master.succeed("hadoop-fs", "-mkdir", root + "/shell/out");
    master.succeed("hadoop-fs", "-mv", root + "/shell/in/report.csv", root + "/shell/out/");
    assertThat(master.ufsPath("/shell/out/report.csv")).exists();
    assertThat(master.ufsPath("/shell/in/report.csv")).doesNotExist();

    master.succeed("hadoop-fs", "-rm", root + "/shell/out/report.csv");
    master.succeed("hadoop-fs", "-rm", "-r", root + "/shell/in");
    assertThat(master.ufsPath("/shell/out")).isEmptyDirectory();
    assertThat(master.ufsPath("/shell/in")).doesNotExist();
    assertThat(master.succeed("hadoop-fs", "-ls", root + "/").out()).contains(root + "/shell");
  }

  @Test
  void intervalZeroFromTheCommandLineSeesAFileAddedBehindTheBack() throws IOException {
    master.succeed("hadoop-fs", "-mkdir", root + "/fresh");
    assertThat(master.succeed("hadoop-fs", "-ls", root + "/fresh").out()).isEmpty();
    Files.writeString(master.ufsPath("/fresh/behind.txt"), "x");

    assertThat(master.succeed("hadoop-fs", "-ls", root + "/fresh").out()).isEmpty();
    assertThat(
            master
                .succeed(
                    "hadoop-fs",
                    "-Dmetasync.user.file.metadata.sync.interval=0",
                    "-ls",
                    root + "/fresh")
                .out())
        .contains(root + "/fresh/behind.txt");
  }

  @Test
  void missingPathFailsWithHadoopsMessage() {
    ShellRunner.Result result = master.run("hadoop-fs", "-ls", root + "/no/such/path");

    assertThat(result.exitCode()).as("%s", result).isNotZero();
    assertThat(result.err()).contains("/no/such/path").contains("No such file or directory");
  }
}
