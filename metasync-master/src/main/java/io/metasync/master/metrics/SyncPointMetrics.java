package io.metasync.master.metrics;

import io.metasync.master.activesync.SyncPointState;
import io.metasync.master.activesync.SyncPointStatus;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Each sync point's freshness, read from active sync's statuses at each scrape (one list per
 * family, taken at once and answered without waiting for a running sync).
 */
final class SyncPointMetrics {
  private static final List<String> PATH = List.of("path");

  private SyncPointMetrics() {}

  static void register(
      MetricRegistry registry, Supplier<List<SyncPointStatus>> syncPoints, Clock clock) {
    registry.gauge(
        "metasync_sync_points",
        "Paths under active sync.",
        List.of(),
        samples -> samples.add(syncPoints.get().size()));
    registry.gauge(
        "metasync_sync_point_state",
        "1 for the state each sync point is in (initial_sync, syncing, idle, feed_failing,"
            + " sync_failing), 0 for the others.",
        List.of("path", "state"),
        samples -> {
          for (SyncPointStatus point : syncPoints.get()) {
            for (SyncPointState state : SyncPointState.values()) {
              samples.add(
                  point.state() == state ? 1 : 0,
                  point.path().toString(),
                  state.name().toLowerCase(Locale.ROOT));
            }
          }
        });
    perPoint(
        registry,
        syncPoints,
        "metasync_sync_point_pending_changes",
        "Changed paths waiting to be synced (0 when the whole sync point waits instead).",
        point -> Math.max(point.pendingChanges(), 0));
    perPoint(
        registry,
        syncPoints,
        "metasync_sync_point_whole_sync_pending",
        "1 when the whole sync point waits to be synced (initial sync, lost events, many changes).",
        point -> point.pendingChanges() < 0 ? 1 : 0);
    perPoint(
        registry,
        syncPoints,
        "metasync_sync_point_oldest_pending_change_age_seconds",
        "Age of the oldest change not yet applied, 0 when none: the staleness a reader with"
            + " interval -1 may see.",
        point ->
            point.oldestUnappliedMs() == 0
                ? 0
                : Math.max(clock.millis() - point.oldestUnappliedMs(), 0) / 1000.0);
    registry.gauge(
        "metasync_sync_point_feed_backlog_transactions",
        "UFS transactions the sync point's change feed had not read yet when it last asked (HDFS:"
            + " edit log transactions behind the NameNode's last); no sample for a UFS that does"
            + " not say.",
        PATH,
        samples -> {
          for (SyncPointStatus point : syncPoints.get()) {
            if (point.feedBacklog() >= 0) {
              samples.add(point.feedBacklog(), point.path().toString());
            }
          }
        });
    registry.gauge(
        "metasync_sync_point_feed_lag_seconds",
        "Seconds since the sync point's change feed last answered (a polling feed: completed a"
            + " pass); no sample before it first did.",
        PATH,
        samples -> {
          for (SyncPointStatus point : syncPoints.get()) {
            if (point.feedAnsweredMs() != 0) {
              samples.add(
                  Math.max(clock.millis() - point.feedAnsweredMs(), 0) / 1000.0,
                  point.path().toString());
            }
          }
        });
    perPoint(
        registry,
        syncPoints,
        "metasync_sync_point_activity",
        "Recent change events, decayed tenfold per interval; a sync waits while it is high.",
        SyncPointStatus::activity);
    perPoint(
        registry,
        syncPoints,
        "metasync_sync_point_age_intervals",
        "Intervals the pending changes have waited for a quiet interval.",
        SyncPointStatus::age);
    perPoint(
        registry,
        syncPoints,
        "metasync_sync_point_last_success_timestamp_seconds",
        "Start time (Unix seconds) of the last successful sync, 0 before the first.",
        point -> point.lastSyncMs() / 1000.0);
    perPoint(
        registry,
        syncPoints,
        "metasync_sync_point_listed_entries",
        "UFS entries listed by the running sync, or by the last one when idle.",
        SyncPointStatus::listedEntries);
    perPoint(
        registry,
        syncPoints,
        "metasync_sync_point_failures",
        "Failed feed reads or syncs in a row (0 when all is well).",
        point -> point.trouble() == null ? 0 : point.trouble().failures());
  }

  private static void perPoint(
      MetricRegistry registry,
      Supplier<List<SyncPointStatus>> syncPoints,
      String name,
      String help,
      ToDoubleFunction<SyncPointStatus> value) {
    Consumer<Samples> samples =
        out -> {
          for (SyncPointStatus point : syncPoints.get()) {
            out.add(value.applyAsDouble(point), point.path().toString());
          }
        };
    registry.gauge(name, help, PATH, samples);
  }
}
