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

/**
 * {@code fs watch} through {@link Main#run} against a real master: the lines scripts parse, a
 * resumed cursor, and the error for one the master no longer has.
 */
class WatchCommandEndToEndTest {
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
  void printsOneTabSeparatedLinePerChangeAndResumesFromAnIndex() throws IOException {
    master.succeed("fs", "mkdir", "/w");
    master.succeed("fs", "mkdir", "/w/a");
    master.succeed("fs", "mv", "/w/a", "/w/b c");
    Files.writeString(master.ufsPath("/w/behind"), "1");
    master.succeed("-Dmetasync.user.file.metadata.sync.interval=0", "fs", "ls", "/w");
    master.succeed("fs", "rm", "-R", "/w/b c");

    List<String> lines =
        master.succeed("fs", "watch", "-R", "/w", "--from", "0", "--limit", "5").outLines();

    assertThat(lines).hasSize(5);
    assertThat(lines)
        .extracting(line -> line.substring(line.indexOf('\t') + 1))
        .containsExactly(
            "CREATED\t/w",
            "CREATED\t/w/a",
            "RENAMED\t/w/a\t/w/b c",
            "CREATED\t/w/behind",
            "DELETED\t/w/b c");
    List<Long> indexes =
        lines.stream().map(line -> Long.parseLong(line.substring(0, line.indexOf('\t')))).toList();
    assertThat(indexes).isSorted().doesNotHaveDuplicates();

    String afterRename = Long.toString(indexes.get(2));
    assertThat(
            master
                .succeed("fs", "watch", "-R", "/w", "--from", afterRename, "--limit", "2")
                .outLines())
        .containsExactly(lines.get(3), lines.get(4));
  }

  @Test
  void aCursorTheMasterDoesNotHaveSaysToListAgain() {
    master.succeed("fs", "mkdir", "/x");

    assertThat(master.fail("fs", "watch", "/x", "--from", "999999999"))
        .startsWith("Error: index 999999999 is past this master's last journal entry")
        .contains("list /x again and watch from index");
  }
}
