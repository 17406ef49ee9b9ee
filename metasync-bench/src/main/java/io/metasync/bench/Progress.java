package io.metasync.bench;

import java.util.Locale;

/** Progress of long steps, on stderr, so that stdout holds only the result tables. */
final class Progress {
  private static final long START = System.nanoTime();

  private Progress() {}

  static void log(String format, Object... args) {
    double seconds = (System.nanoTime() - START) / 1e9;
    System.err.printf(
        Locale.ROOT, "[%7.1f s] %s%n", seconds, String.format(Locale.ROOT, format, args));
  }
}
