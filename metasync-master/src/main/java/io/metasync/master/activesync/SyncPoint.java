package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.sync.SyncStats;

/**
 * The running state of one sync point. Owned by the active-sync thread; status reads are racy by
 * design.
 */
final class SyncPoint {
  private final NamespacePath path;
  private final PendingChanges pending;
  private volatile SyncPointState state;
  private volatile long lastSyncMs;
  private volatile long activity;
  private volatile int age;
  // The running sync's counts (the last one's when idle), so getSyncPathList shows its progress.
  private volatile SyncStats stats = new SyncStats();
  private volatile Trouble feedTrouble;
  private volatile Trouble syncTrouble;

  SyncPoint(NamespacePath path, int maxPendingPaths, boolean initialSync) {
    this.path = requireNonNull(path, "path is null");
    this.pending = new PendingChanges(maxPendingPaths);
    this.state = initialSync ? SyncPointState.INITIAL_SYNC : SyncPointState.IDLE;
    if (initialSync) {
      pending.markWholeSubtree();
    }
  }

  NamespacePath path() {
    return path;
  }

  PendingChanges pending() {
    return pending;
  }

  SyncPointState state() {
    return state;
  }

  void setState(SyncPointState state) {
    this.state = state;
  }

  /**
   * Closes one interval: updates the activity with the interval's events, and says whether the
   * pending changes sync now (the age resets) or wait another interval (the age grows).
   */
  boolean closeInterval(QuietPeriodRule rule) {
    activity = QuietPeriodRule.nextActivity(activity, pending.takeEventCount());
    if (pending.isEmpty()) {
      age = 0;
      return false;
    }
    if (state == SyncPointState.INITIAL_SYNC || rule.syncNow(activity, age)) {
      age = 0;
      return true;
    }
    age++;
    return false;
  }

  /** Fresh counts for a sync that starts now. */
  SyncStats startSync() {
    stats = new SyncStats();
    return stats;
  }

  /** Records the start time of a completed sync (or, on a restart, the journaled one). */
  void synced(long startMs) {
    lastSyncMs = startMs;
  }

  /** Start time of the last completed sync, 0 before the first. */
  long lastSyncMs() {
    return lastSyncMs;
  }

  /** The feed failed again (or for the first time) to read, open or watch this sync point. */
  void feedFailed(String cause, long nowMs) {
    feedTrouble = Trouble.after(feedTrouble, cause, nowMs);
  }

  /** The feed answers again: what it missed meanwhile is unknown, so the whole subtree syncs. */
  void feedRecovered() {
    if (feedTrouble != null) {
      pending.markWholeSubtree();
      feedTrouble = null;
    }
  }

  void syncFailed(String cause, long nowMs) {
    syncTrouble = Trouble.after(syncTrouble, cause, nowMs);
  }

  void syncSucceeded() {
    syncTrouble = null;
  }

  SyncPointStatus status() {
    SyncStats current = stats;
    SyncPointState shown = state;
    Trouble trouble = feedTrouble;
    if (trouble != null) {
      shown = SyncPointState.FEED_FAILING;
    } else if (syncTrouble != null && shown != SyncPointState.SYNCING) {
      // a retry that runs now shows as syncing; until then the failure shows
      trouble = syncTrouble;
      shown = SyncPointState.SYNC_FAILING;
    }
    return new SyncPointStatus(
        path,
        shown,
        lastSyncMs,
        pending.size(),
        activity,
        age,
        current.directories() + current.files(),
        trouble);
  }
}
