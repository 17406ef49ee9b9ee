package io.metasync.master.activesync;

import static io.metasync.common.Preconditions.checkArgument;

/**
 * When a sync point with pending changes syncs. At every interval its activity becomes {@code
 * activity / 10 + events in this interval} (100, 10 and 1 events in three intervals give 3), so a
 * burst fades within a few quiet intervals. It syncs when quiet ({@code activity < maxActivity}) or
 * when it has waited {@code maxAge} intervals with changes pending, so a folder that never stops
 * changing is still synced regularly.
 */
final class QuietPeriodRule {
  private final long maxActivity;
  private final int maxAge;

  QuietPeriodRule(long maxActivity, int maxAge) {
    checkArgument(maxActivity > 0, "maxactivity must be positive: %s", maxActivity);
    checkArgument(maxAge > 0, "maxage must be positive: %s", maxAge);
    this.maxActivity = maxActivity;
    this.maxAge = maxAge;
  }

  /** The activity figure after an interval that saw {@code events} events. */
  static long nextActivity(long activity, long events) {
    return activity / 10 + events;
  }

  /** Whether a sync point with changes pending, this activity and this age syncs now. */
  boolean syncNow(long activity, int age) {
    return activity < maxActivity || age >= maxAge;
  }
}
