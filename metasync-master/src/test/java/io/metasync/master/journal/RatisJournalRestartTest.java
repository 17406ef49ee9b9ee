package io.metasync.master.journal;

import static io.metasync.master.journal.RecordingState.entry;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts of a journal: after a clean close, after kill -9, and on a folder it must refuse. */
class RatisJournalRestartTest {
  private static final String NO_AUTO_SNAPSHOT = "2000000";

  @TempDir Path folder;

  static MetasyncConfiguration configuration(Path folder, String checkpointPeriod) {
    return MetasyncConfiguration.of(
        Map.of(
            "metasync.master.journal.folder",
            folder.toString(),
            "metasync.master.journal.port",
            "0",
            "metasync.master.journal.checkpoint.period.entries",
            checkpointPeriod));
  }

  @Test
  void cleanCloseSnapshotsSoReopenRestoresTheStateAndReplaysNothing() {
    RecordingState first = new RecordingState();
    try (RatisJournal journal = RatisJournal.open(configuration(folder, NO_AUTO_SNAPSHOT), first)) {
      for (int i = 0; i < 30; i++) {
        journal.write(entry("e" + i));
      }
    }

    RecordingState second = new RecordingState();
    try (RatisJournal journal =
        RatisJournal.open(configuration(folder, NO_AUTO_SNAPSHOT), second)) {
      assertThat(second.names()).isEqualTo(first.names()).hasSize(30);
      assertThat(second.loadedFromSnapshot()).isEqualTo(30);
      assertThat(second.appliesSinceLoad()).isZero();

      journal.write(entry("after-restart"));
      assertThat(second.names()).hasSize(31).endsWith("after-restart");
    }
  }

  @Test
  void killedMasterKeepsEveryAcknowledgedEntryAndReplaysOnlyTheTailAfterItsSnapshot(
      @TempDir Path logs) throws Exception {
    int count = 250;
    Path log = logs.resolve("writer.log");
    Process writer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                JournalWriterProcess.class.getName(),
                folder.toString(),
                Integer.toString(count),
                "100")
            .redirectError(log.toFile())
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(writer.getInputStream(), UTF_8))) {
      CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> readLine(out));
      assertThat(line)
          .as("writer output; see %s", log)
          .succeedsWithin(Duration.ofSeconds(60))
          .isEqualTo("written " + count);
    } finally {
      writer.destroyForcibly(); // SIGKILL: no clean close, no snapshot at stop
      writer.waitFor();
    }

    RecordingState state = new RecordingState();
    try (RatisJournal journal = RatisJournal.open(configuration(folder, "100"), state)) {
      assertThat(state.names())
          .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> "e" + i).toList());
      assertThat(state.loadedFromSnapshot()).as("entries in the loaded snapshot").isPositive();
      assertThat(state.appliesSinceLoad())
          .as("entries replayed after the snapshot")
          .isEqualTo(count - state.loadedFromSnapshot());
    }
    // Two are retained; Ratis prunes older ones when it takes the next snapshot, so the one taken
    // at
    // this close may stand beside them until then. What matters is that they do not pile up.
    assertThat(snapshotFiles()).as("snapshots kept").hasSizeBetween(1, 3);
  }

  @Test
  void journalWrittenByANewerFormatIsRefusedNamingTheFolder() throws IOException {
    Files.writeString(folder.resolve("VERSION"), "format=2\n");

    assertThatThrownBy(
            () -> RatisJournal.open(configuration(folder, NO_AUTO_SNAPSHOT), new RecordingState()))
        .isInstanceOf(MetasyncException.class)
        .hasMessage(
            "the journal in "
                + folder
                + " was written by a newer metasync (format 2); run that version, or wipe it with"
                + " bin/metasync format");
  }

  @Test
  void corruptSnapshotIsRefusedWithOneLineNamingTheFolder() throws IOException {
    try (RatisJournal journal =
        RatisJournal.open(configuration(folder, NO_AUTO_SNAPSHOT), new RecordingState())) {
      for (int i = 0; i < 5; i++) {
        journal.write(entry("e" + i));
      }
    }
    Path snapshot = snapshotFiles().get(snapshotFiles().size() - 1);
    byte[] bytes = Files.readAllBytes(snapshot);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(snapshot, bytes);

    assertThatThrownBy(
            () -> RatisJournal.open(configuration(folder, NO_AUTO_SNAPSHOT), new RecordingState()))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION);
              assertThat(e.getMessage())
                  .startsWith("the journal in " + folder + " has a corrupt snapshot ")
                  .endsWith(
                      "; restore the folder from a backup, or wipe it with bin/metasync format")
                  .doesNotContain("\n");
            });
  }

  @Test
  void applyThatThrowsStopsTheJournalLoudlyAndAgainOnRestart() {
    RecordingState state = new RecordingState();
    AtomicReference<MetasyncException> fatal = new AtomicReference<>();
    try (RatisJournal journal =
        RatisJournal.open(configuration(folder, NO_AUTO_SNAPSHOT), state, fatal::set)) {
      journal.write(entry("before"));

      assertThatThrownBy(() -> journal.write(entry(RecordingState.FAIL)))
          .isInstanceOfSatisfying(
              MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
          .hasMessageContaining("the journal in " + folder + " stopped: applying entry")
          .hasMessageContaining("cannot apply " + RecordingState.FAIL);
      assertThat(fatal.get()).isNotNull();
      assertThatThrownBy(() -> journal.write(entry("after")))
          .isInstanceOf(MetasyncException.class)
          .hasMessageContaining("stopped");
      assertThat(state.names()).containsExactly("before");
    }

    // The failed entry is committed: a restart meets it again and refuses to go past it.
    RecordingState restarted = new RecordingState();
    assertThatThrownBy(() -> RatisJournal.open(configuration(folder, NO_AUTO_SNAPSHOT), restarted))
        .isInstanceOf(MetasyncException.class)
        .hasMessageContaining("cannot apply " + RecordingState.FAIL);
    assertThat(restarted.names()).containsExactly("before");
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Path> snapshotFiles() throws IOException {
    Path stateMachineFolder =
        folder
            .resolve(RatisJournal.RAFT_FOLDER)
            .resolve(JournalPeers.GROUP_ID.getUuid().toString())
            .resolve("sm");
    try (Stream<Path> files = Files.list(stateMachineFolder)) {
      return files
          .filter(file -> file.getFileName().toString().matches("snapshot\\.\\d+_\\d+"))
          .sorted(
              (a, b) ->
                  Long.compare(
                      Long.parseLong(a.getFileName().toString().replaceAll(".*_", "")),
                      Long.parseLong(b.getFileName().toString().replaceAll(".*_", ""))))
          .toList();
    }
  }
}
