package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes made behind the master's back, and the commands that see or repair them. */
class SyncCommandsEndToEndTest {
  private static final String ALWAYS_SYNC = "-Dmetasync.user.file.metadata.sync.interval=0";

  @TempDir static Path folder;
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
  void changeBehindTheBackIsSeenOnlyWithIntervalZeroThenStaysCached() throws IOException {
    master.succeed("fs", "mkdir", "/behind");
    master.succeed("fs", "touch", "/behind/old");
    assertThat(names("/behind")).containsExactly("/behind/old");

    Files.delete(master.ufsPath("/behind/old"));
    Files.writeString(master.ufsPath("/behind/new"), "written behind the back");

    assertThat(names("/behind")).containsExactly("/behind/old");
    assertThat(names("/behind", ALWAYS_SYNC)).containsExactly("/behind/new");
    assertThat(names("/behind")).containsExactly("/behind/new");
  }

  @Test
  void definitionMayComeBeforeTheCommand() throws IOException {
    master.succeed("fs", "mkdir", "/before");
    assertThat(names("/before")).isEmpty();

    Files.writeString(master.ufsPath("/before/f"), "x");

    ShellRunner.Result result = master.succeed(ALWAYS_SYNC, "fs", "ls", "/before");
    assertThat(result.out()).endsWith("  /before/f\n");
  }

  @Test
  void loadMetadataPrintsOnlyASummaryWhenNotOnATerminal() throws IOException {
    master.succeed("fs", "mkdir", "-p", "/loaded/a");
    Files.createDirectories(master.ufsPath("/loaded/a/b"));
    Files.writeString(master.ufsPath("/loaded/a/b/f1"), "1");
    Files.writeString(master.ufsPath("/loaded/a/f2"), "2");

    ShellRunner.Result result = master.succeed("fs", "loadMetadata", "-R", "/loaded", ALWAYS_SYNC);

    assertThat(result.out())
        .matches("loaded /loaded: [\\d,]+ folders?, [\\d,]+ files? in \\d+\\.\\ds\n");
    assertThat(names("/loaded", "-R")).contains("/loaded/a/b/f1", "/loaded/a/f2");
  }

  @Test
  void checkConsistencyPrintsEachDifferenceAndFailsWithHowToResync() throws IOException {
    master.succeed("fs", "mkdir", "/checked");
    master.succeed("fs", "touch", "/checked/grown");
    master.succeed("fs", "touch", "/checked/gone");
    master.succeed("fs", "checkConsistency", "-R", "/checked");

    Files.writeString(master.ufsPath("/checked/grown"), "now longer");
    Files.delete(master.ufsPath("/checked/gone"));
    Files.writeString(master.ufsPath("/checked/added"), "new");

    ShellRunner.Result result = master.run("fs", "checkConsistency", "-R", "/checked");

    // the folder's own mtime moved too, so it may be reported as well
    List<String> differences = result.outLines();
    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(differences)
        .anySatisfy(line -> assertThat(line).startsWith("/checked/grown: length 0 in metasync"))
        .anySatisfy(line -> assertThat(line).startsWith("/checked/gone: "))
        .anySatisfy(line -> assertThat(line).startsWith("/checked/added: "))
        .allSatisfy(line -> assertThat(line).matches("/checked(/\\w+)?: .+"));
    assertThat(result.err())
        .isEqualTo(
            "Error: "
                + differences.size()
                + " paths under /checked differ from the UFS; resync them with loadMetadata -R"
                + " /checked -Dmetasync.user.file.metadata.sync.interval=0\n");

    master.succeed("fs", "loadMetadata", "-R", "/checked", ALWAYS_SYNC);
    assertThat(master.succeed("fs", "checkConsistency", "-R", "/checked").out()).isEmpty();
  }

  private static List<String> names(String... lsArguments) {
    String[] args = new String[lsArguments.length + 2];
    args[0] = "fs";
    args[1] = "ls";
    System.arraycopy(lsArguments, 0, args, 2, lsArguments.length);
    return master.succeed(args).outLines().stream()
        .map(line -> line.substring(line.lastIndexOf("  ") + 2))
        .toList();
  }
}
