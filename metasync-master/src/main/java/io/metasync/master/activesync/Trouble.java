package io.metasync.master.activesync;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Why a sync point's feed or syncs are failing, for {@code getSyncPathList}: a failure is shown,
 * never hidden behind {@code idle}.
 *
 * @param cause the last failure, in words
 * @param sinceMs when the failures began
 * @param failures failed attempts since then (reads or re-opens of the feed, or syncs)
 */
public record Trouble(String cause, long sinceMs, int failures) {
  public Trouble {
    requireNonNull(cause, "cause is null");
    checkArgument(failures > 0, "failures must be positive: %s", failures);
  }

  /** The first failure, or one more after {@code previous} (null when all was well). */
  static Trouble after(Trouble previous, String cause, long nowMs) {
    return previous == null
        ? new Trouble(cause, nowMs, 1)
        : new Trouble(cause, previous.sinceMs, previous.failures + 1);
  }
}
