package io.metasync.bench;

import io.metasync.common.Ticker;
import java.util.Locale;

/**
 * Progress of long steps, on stderr, so that stdout holds only the result tables. Each line shows
 * the seconds since {@link #start}, which the harness calls once before anything logs: every step
 * logs here, so the ticker is given once rather than to every call.
 */
final class Progress {
  /** The ticker and its reading at the start, set together so a logging thread sees both. */
  private record Origin(Ticker ticker, long startNanos) {}

  private static volatile Origin origin;

  private Progress() {}

  /** Starts the clock that the log lines show, read from {@code ticker}. */
  static void start(Ticker ticker) {
    origin = new Origin(ticker, ticker.nanos());
  }

  /**
   * @throws IllegalStateException when {@link #start} was not called
   */
  static void log(String format, Object... args) {
    Origin started = origin;
    if (started == null) {
      throw new IllegalStateException("Progress.start was not called before Progress.log");
    }
    double seconds = (started.ticker().nanos() - started.startNanos()) / 1e9;
    System.err.printf(
        Locale.ROOT, "[%7.1f s] %s%n", seconds, String.format(Locale.ROOT, format, args));
  }
}
