package io.metasync.shell;

import io.metasync.client.Progress;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Shows how a long operation is going, on stderr and at most about once a second, and only to a
 * person at a terminal: a script gets the final summary alone. It takes the {@link Progress} of
 * loads, checks and listings directly; other operations (a delete) pass their own lines to {@link
 * #show}.
 */
final class ProgressPrinter implements Consumer<Progress> {
  private static final long PERIOD_MS = 1000;

  private final String label;
  private final PrintStream err;
  private final boolean interactive;
  private final Clock clock;
  private long lastPrintedMs;
  private boolean printed;

  /**
   * @param label what is going on, such as {@code loading /x}
   */
  ProgressPrinter(String label, ShellEnvironment environment) {
    this.label = label;
    this.err = environment.err();
    this.interactive = environment.interactive();
    this.clock = environment.clock();
    // a quick operation prints nothing before its summary
    this.lastPrintedMs = clock.millis();
  }

  @Override
  public void accept(Progress progress) {
    show(
        progress.done(),
        () ->
            counts(progress)
                + " so far ("
                + rate(progress)
                + "), "
                + seconds(progress.elapsedMs()));
  }

  /**
   * Prints {@code label: line} if a person is watching, the operation is not {@code done} and about
   * a second has passed since the last line (or the start); {@code line} is built only then.
   */
  void show(boolean done, Supplier<String> line) {
    if (!interactive || done) {
      return;
    }
    long now = clock.millis();
    if (now - lastPrintedMs >= PERIOD_MS) {
      err.println(label + ": " + line.get());
      lastPrintedMs = now;
      printed = true;
    }
  }

  /**
   * Prints {@code summary} on stderr if progress lines were printed, so that whoever watched them
   * sees how it ended; for an operation whose summary is not on stdout (a delete prints nothing).
   */
  void finish(Supplier<String> summary) {
    if (printed) {
      err.println(summary.get());
    }
  }

  /** {@code 1,000 folders, 1 file}. */
  static String counts(Progress progress) {
    return count(progress.directories(), "folder", "folders")
        + ", "
        + count(progress.files(), "file", "files");
  }

  /** Entries (folders and files) per second so far: {@code 12,345/s}. */
  static String rate(Progress progress) {
    return rate(progress.directories() + progress.files(), progress.elapsedMs());
  }

  /** {@code entries} per second over {@code elapsedMs}: {@code 12,345/s}. */
  static String rate(long entries, long elapsedMs) {
    long perSecond = elapsedMs <= 0 ? 0 : entries * 1000 / elapsedMs;
    return String.format(Locale.ROOT, "%,d/s", perSecond);
  }

  /** {@code 2.3s}. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
  }

  /** {@code 1 entry}, {@code 1,000 entries}. */
  static String count(long n, String one, String many) {
    return number(n) + " " + (n == 1 ? one : many);
  }

  /** {@code 1,000}. */
  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
