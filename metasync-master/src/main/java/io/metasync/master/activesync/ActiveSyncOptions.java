package io.metasync.master.activesync;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.PropertyKey;
import java.time.Duration;

/**
 * How active sync paces itself, from the {@code metasync.master.activesync.*} keys.
 *
 * @param interval how often each sync point's interval closes and the quiet-period rule is applied
 * @param maxActivity a sync point is quiet while its activity is below this
 * @param maxAge a busy sync point still syncs once it has waited this many intervals
 * @param initialSync whether {@code startSync} syncs the new sync point's whole subtree at once
 */
public record ActiveSyncOptions(
    Duration interval, long maxActivity, int maxAge, boolean initialSync) {
  public ActiveSyncOptions {
    requireNonNull(interval, "interval is null");
    checkArgument(!interval.isNegative(), "interval must not be negative: %s", interval);
    checkArgument(maxActivity > 0, "maxactivity must be positive: %s", maxActivity);
    checkArgument(maxAge > 0, "maxage must be positive: %s", maxAge);
  }

  public static ActiveSyncOptions from(MetasyncConfiguration conf) {
    return new ActiveSyncOptions(
        conf.getDuration(PropertyKey.ACTIVESYNC_INTERVAL),
        conf.getInt(PropertyKey.ACTIVESYNC_MAX_ACTIVITY),
        conf.getInt(PropertyKey.ACTIVESYNC_MAX_AGE),
        conf.getBoolean(PropertyKey.ACTIVESYNC_INITIAL_SYNC));
  }

  QuietPeriodRule quietPeriodRule() {
    return new QuietPeriodRule(maxActivity, maxAge);
  }
}
