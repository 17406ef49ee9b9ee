package io.metasync.bench;

import io.metasync.common.Ticker;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes the NameNode slow for one side of a comparison, as a remote or busy NameNode would be: when
 * enabled, every NameNode call that side makes waits {@code delay} more. A listing is one call per
 * page of {@link #PAGE} entries (the NameNode's {@code dfs.ls.limit}), so a listing wrapper calls
 * {@link #call()} once when it starts and once more before each further page ({@link Pages}).
 */
final class NameNodeLatency {
  /**
   * Entries per NameNode listing call: {@code dfs.ls.limit}, 1,000 unless the NameNode says else.
   */
  static final int PAGE = 1_000;

  private final long delayNanos;
  private final Ticker ticker;
  private final AtomicLong delayedCalls = new AtomicLong();
  private volatile boolean enabled;

  NameNodeLatency(long delayNanos, Ticker ticker) {
    this.delayNanos = delayNanos;
    this.ticker = ticker;
  }

  void enable(boolean enabled) {
    this.enabled = enabled;
  }

  boolean enabled() {
    return enabled;
  }

  /** Adds the delay to one NameNode call, when enabled. */
  void call() {
    if (!enabled) {
      return;
    }
    delayedCalls.incrementAndGet();
    long deadline = ticker.nanos() + delayNanos;
    for (long left = delayNanos; left > 0; left = deadline - ticker.nanos()) {
      LockSupport.parkNanos(left);
    }
  }

  /** Calls delayed so far. */
  long delayedCalls() {
    return delayedCalls.get();
  }

  /** One folder's listing: the first page is delayed by whoever starts it, each further here. */
  final class Pages {
    private long returned;

    /** Before each entry is handed out: the first of every further page costs one more call. */
    void beforeEntry() {
      if (returned > 0 && returned % PAGE == 0) {
        call();
      }
      returned++;
    }
  }
}
