package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.client.Progress;
import io.metasync.ufs.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void printsAtMostAboutOnceASecondOnATerminal() {
    ProgressPrinter printer = new ProgressPrinter("loading /x", environment(true));

    printer.accept(new Progress(1, 10, 100, false));
    clock.advance(Duration.ofMillis(1000));
    printer.accept(new Progress(2, 1000, 1100, false));
    clock.advance(Duration.ofMillis(500));
    printer.accept(new Progress(3, 2000, 1600, false));
    clock.advance(Duration.ofMillis(500));
    printer.accept(new Progress(4, 3000, 2100, false));
    printer.accept(new Progress(5, 4000, 2200, true));

    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "loading /x: 2 folders, 1,000 files so far (910/s), 1.1s",
            "loading /x: 4 folders, 3,000 files so far (1,430/s), 2.1s");
  }

  @Test
  void printsNothingWhenNoOneIsWatching() {
    ProgressPrinter printer = new ProgressPrinter("loading /x", environment(false));

    clock.advance(Duration.ofSeconds(5));
    printer.accept(new Progress(2, 1000, 5000, false));

    assertThat(err.size()).isZero();
  }

  @Test
  void showBuildsItsLineOnlyWhenItPrintsAndFinishFollowsOnlyPrintedProgress() {
    ProgressPrinter quiet = new ProgressPrinter("deleting /x", environment(true));
    quiet.show(
        false,
        () -> {
          throw new AssertionError("built although not printed");
        });
    quiet.show(true, () -> "done");
    quiet.finish(() -> "deleted /x");
    assertThat(err.size()).isZero();

    ProgressPrinter watched = new ProgressPrinter("deleting /x", environment(true));
    clock.advance(Duration.ofMillis(1000));
    watched.show(false, () -> "10 entries so far");
    watched.finish(() -> "deleted /x: 20 entries");

    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("deleting /x: 10 entries so far", "deleted /x: 20 entries");
  }

  @Test
  void countsAreGroupedAndSingularWhenOne() {
    assertThat(ProgressPrinter.counts(new Progress(1, 1, 0, true))).isEqualTo("1 folder, 1 file");
    assertThat(ProgressPrinter.counts(new Progress(1000, 100000, 0, true)))
        .isEqualTo("1,000 folders, 100,000 files");
    assertThat(ProgressPrinter.seconds(2345)).isEqualTo("2.3s");
    assertThat(ProgressPrinter.rate(new Progress(0, 0, 0, false))).isEqualTo("0/s");
    assertThat(ProgressPrinter.rate(new Progress(10, 99990, 2000, false))).isEqualTo("50,000/s");
    assertThat(ProgressPrinter.count(1, "entry", "entries")).isEqualTo("1 entry");
    assertThat(ProgressPrinter.count(1000, "entry", "entries")).isEqualTo("1,000 entries");
  }

  private ShellEnvironment environment(boolean interactive) {
    return new ShellEnvironment(
        Map.of(),
        Path.of("."),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        interactive,
        ZoneOffset.UTC,
        clock);
  }
}
