package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatCommandTest {
  @TempDir Path home;
  private Path journal;
  private ShellRunner shell;

  @BeforeEach
  void setUp() {
    journal = home.resolve("journal");
    shell = new ShellRunner(home, "-Dmetasync.master.journal.folder=" + journal);
  }

  @Test
  void missingJournalNeedsNoFormat() {
    ShellRunner.Result result = shell.run("format");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("nothing to format: " + journal + " does not exist\n");
  }

  @Test
  void relativeJournalFolderIsUnderTheInstallFolder() throws IOException {
    Files.createDirectories(home.resolve("data/journal"));

    ShellRunner.Result result = new ShellRunner(home).run("format");

    assertThat(result.out())
        .isEqualTo("the journal " + home.resolve("data/journal") + " is already empty\n");
  }

  @Test
  void journalWithOnlyTheLockFileIsAlreadyEmpty() throws IOException {
    Files.createDirectories(journal);
    Files.createFile(journal.resolve("master.lock"));

    ShellRunner.Result result = shell.run("format");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("the journal " + journal + " is already empty\n");
  }

  @Test
  void nonEmptyJournalNeedsForceAndTheErrorNamesWhatItHolds() throws IOException {
    Files.createDirectories(journal.resolve("raft/group/current"));
    Files.writeString(journal.resolve("raft/group/current/log_inprogress_0"), "entries");
    Files.createDirectories(journal.resolve("metastore"));
    Files.writeString(journal.resolve("VERSION"), "1");
    Files.createFile(journal.resolve("master.lock"));

    ShellRunner.Result result = shell.run("format");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "Error: the journal "
                + journal
                + " is not empty (it holds VERSION, metastore, raft); run 'metasync format"
                + " --force' to wipe it\n");
    assertThat(journal.resolve("raft/group/current/log_inprogress_0")).exists();
  }

  @Test
  void aJournalOfManyFilesIsNamedInPart() throws IOException {
    Files.createDirectories(journal);
    for (int i = 1; i <= 7; i++) {
      Files.writeString(journal.resolve("f" + i), "x");
    }

    assertThat(shell.run("format").err()).contains("(it holds f1, f2, f3, f4, f5 and 2 more)");
  }

  @Test
  void forceRemovesEverythingButTheLockFileAndSaysWhat() throws IOException {
    Files.createDirectories(journal.resolve("log/sub"));
    Files.writeString(journal.resolve("log/sub/segment-1"), "entries");
    Files.writeString(journal.resolve("snapshot"), "state");
    Files.createFile(journal.resolve("master.lock"));

    ShellRunner.Result result = shell.run("format", "--force");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "removed " + journal.resolve("log"), "removed " + journal.resolve("snapshot"));
    try (var entries = Files.list(journal)) {
      assertThat(entries).containsExactly(journal.resolve("master.lock"));
    }
  }

  @Test
  void lockedJournalIsRefusedEvenWithForce() throws IOException {
    Files.createDirectories(journal);
    Files.writeString(journal.resolve("snapshot"), "state");
    try (FileChannel channel =
        FileChannel.open(
            journal.resolve("master.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock(); // as a running master holds it; released when the channel closes
      ShellRunner.Result result = shell.run("format", "--force");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .isEqualTo(
              "Error: a master is running on the journal "
                  + journal
                  + " (it holds "
                  + journal.resolve("master.lock")
                  + "); stop it before formatting\n");
    }
    assertThat(journal.resolve("snapshot")).exists();
  }
}
