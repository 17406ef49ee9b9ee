package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names a terminal can trust: a client cannot create a name with a newline or an escape sequence,
 * and such names already in the UFS are listed escaped, one entry per line, as {@code ls -b} does.
 */
class ControlCharacterNamesEndToEndTest {
  @TempDir static Path folder;
  private static RunningMaster master;

  @BeforeAll
  static void start() {
    master = RunningMaster.start(folder);
  }

  @AfterAll
  static void stop() {
    master.close();
  }

  @Test
  void namesWithControlCharactersCannotBeCreated() {
    assertThat(master.fail("fs", "mkdir", "/two\nlines"))
        .isEqualTo(
            "Error: cannot create /two\\nlines: its name holds the control character U+000A (a"
                + " newline, tab, escape or the like); choose a name without one");
    assertThat(master.fail("fs", "touch", "/\u001b[2Jclear"))
        .startsWith("Error: cannot create /\\033[2Jclear");
    assertThat(master.rootUfs().toFile().list()).doesNotContain("two\nlines", "\u001b[2Jclear");
  }

  @Test
  void namesWithControlCharactersInTheUfsAreListedEscapedOnOneLineEach() throws Exception {
    Path odd = Files.createDirectories(master.ufsPath("/odd"));
    Files.writeString(odd.resolve("two\nlines.txt"), "x");
    Files.writeString(odd.resolve("\u001b[31mred"), "x");

    ShellRunner.Result listing = master.succeed("fs", "ls", "/odd");

    assertThat(listing.outLines()).hasSize(2);
    assertThat(listing.out())
        .contains("/odd/two\\nlines.txt")
        .contains("/odd/\\033[31mred")
        .doesNotContain("\u001b");
  }
}
