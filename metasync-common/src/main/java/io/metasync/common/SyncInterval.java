package io.metasync.common;

import static io.metasync.common.Preconditions.checkArgument;

/**
 * How stale an answer may be: {@code -1} never ask the UFS, {@code 0} always ask it, otherwise ask
 * only if the path was not synced within that many milliseconds.
 */
public record SyncInterval(long millis) {
  public static final SyncInterval NEVER = new SyncInterval(-1);
  public static final SyncInterval ALWAYS = new SyncInterval(0);

  public SyncInterval {
    checkArgument(
        millis >= -1, "sync interval must be -1, 0 or a positive duration, not %s ms", millis);
  }

  /**
   * Parses {@code -1}, {@code 0}, or a duration such as {@code 30s}, {@code 5min}, {@code 500ms} (a
   * bare number is milliseconds).
   *
   * @throws IllegalArgumentException naming the text when it is none of these
   */
  public static SyncInterval parse(String text) {
    if (text.strip().equals("-1")) {
      return NEVER;
    }
    return new SyncInterval(DurationFormat.parse(text).toMillis());
  }

  public boolean isNever() {
    return millis == -1;
  }

  /**
   * Whether a path last synced at {@code lastSyncedMs} (0 when never) must be synced again at
   * {@code nowMs}.
   */
  public boolean isStale(long lastSyncedMs, long nowMs) {
    if (millis == -1) {
      return false;
    }
    if (millis == 0 || lastSyncedMs <= 0) {
      return true;
    }
    return nowMs - lastSyncedMs >= millis;
  }

  @Override
  public String toString() {
    return millis == -1 ? "-1" : DurationFormat.format(millis);
  }
}
