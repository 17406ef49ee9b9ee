package io.metasync.shell;

import io.metasync.client.Progress;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Shows how a long operation is going, on stderr and at most about once a second, and only to a
 * person at a terminal: a script gets the final summary alone.
 */
final class ProgressPrinter implements Consumer<Progress> {
  private static final long PERIOD_MS = 1000;

  private final String label;
  private final PrintStream err;
  private final boolean interactive;
  private final Clock clock;
  private long lastPrintedMs;

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
    if (!interactive || progress.done()) {
      return;
    }
    long now = clock.millis();
    if (now - lastPrintedMs >= PERIOD_MS) {
      err.println(
          label
              + ": "
              + counts(progress)
              + " so far ("
              + rate(progress)
              + "), "
              + seconds(progress.elapsedMs()));
      lastPrintedMs = now;
    }
  }

  /** {@code 1,000 folders, 1 file}. */
  static String counts(Progress progress) {
    return count(progress.directories(), "folder") + ", " + count(progress.files(), "file");
  }

  /** Entries (folders and files) per second so far: {@code 12,345/s}. */
  static String rate(Progress progress) {
    long entries = progress.directories() + progress.files();
    long perSecond = progress.elapsedMs() <= 0 ? 0 : entries * 1000 / progress.elapsedMs();
    return String.format(Locale.ROOT, "%,d/s", perSecond);
  }

  /** {@code 2.3s}. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
  }

  private static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }
}
