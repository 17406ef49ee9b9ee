package io.metasync.master.metrics;

import io.metasync.common.NamespacePath;
import io.metasync.master.sync.SyncDepth;
import io.metasync.master.sync.SyncListener;
import io.metasync.master.sync.SyncOutcome;
import io.metasync.master.sync.SyncStats;
import io.metasync.master.sync.SyncTrigger;
import java.util.Locale;

/**
 * Counts and times the syncs that the coordinator runs, by trigger (but started and joined, whose
 * unlabelled series predate this class and are kept as they were).
 */
public final class SyncMetrics implements SyncListener {
  private final Counter started;
  private final Counter joined;
  private final Counter failed;
  private final Counter listed;
  private final Counter applied;
  private final Counter ufsCalls;
  private final Histogram durations;

  public SyncMetrics(MetricRegistry registry) {
    started =
        registry.counter("metasync_syncs_started_total", "Syncs that listed or read the UFS.");
    joined =
        registry.counter(
            "metasync_syncs_joined_total",
            "Requests that joined a running sync instead of asking the UFS.");
    failed =
        registry.counter(
            "metasync_syncs_failed_total", "Syncs that ended with an error.", "trigger");
    listed =
        registry.counter(
            "metasync_sync_entries_listed_total",
            "UFS entries that syncs listed or read.",
            "trigger");
    applied =
        registry.counter(
            "metasync_sync_entries_applied_total",
            "Cached inodes that syncs added, updated or removed, by change.",
            "trigger",
            "change");
    ufsCalls =
        registry.counter(
            "metasync_sync_ufs_calls_total",
            "UFS statuses read and listings opened by syncs.",
            "trigger");
    durations =
        registry.histogram(
            "metasync_sync_duration_seconds",
            "Time a sync took, by trigger and depth (self, children, subtree).",
            "trigger",
            "depth");
  }

  static String label(SyncTrigger trigger) {
    return trigger.name().toLowerCase(Locale.ROOT);
  }

  static String label(SyncDepth depth) {
    return depth.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void syncStarted(NamespacePath path, SyncDepth depth, SyncTrigger trigger) {
    started.labels().increment();
  }

  @Override
  public void syncJoined(NamespacePath path, SyncDepth depth, SyncTrigger trigger) {
    joined.labels().increment();
  }

  @Override
  public void syncFinished(SyncOutcome outcome) {
    String trigger = label(outcome.trigger());
    SyncStats.Counts counts = outcome.counts();
    if (outcome.failed()) {
      failed.labels(trigger).increment();
    }
    listed.labels(trigger).add(counts.listed());
    applied.labels(trigger, "added").add(counts.added());
    applied.labels(trigger, "updated").add(counts.updated());
    applied.labels(trigger, "removed").add(counts.removed());
    ufsCalls.labels(trigger).add(counts.ufsCalls());
    durations.labels(trigger, label(outcome.depth())).observe(outcome.durationMs() / 1000.0);
  }
}
