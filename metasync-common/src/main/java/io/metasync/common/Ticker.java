package io.metasync.common;

/**
 * A monotonic count of nanoseconds, for measuring elapsed time (timeouts, durations in logs) where
 * a {@link java.time.Clock}, which may jump, would not do. Taken from the owner as a clock is, so a
 * test can pass one that it moves by hand. Only the difference between two readings means anything.
 */
@FunctionalInterface
public interface Ticker {
  /** Nanoseconds since an arbitrary origin, never decreasing. */
  long nanos();

  /**
   * The JVM's monotonic time, for owners that run for real (as {@link java.time.Clock#systemUTC()}
   * is for wall-clock time): the one place in main code that reads it.
   */
  static Ticker system() {
    return System::nanoTime;
  }
}
