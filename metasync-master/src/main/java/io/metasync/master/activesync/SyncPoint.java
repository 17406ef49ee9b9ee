package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.sync.SyncStats;
import io.metasync.master.sync.SyncTrigger;

/**
 * The running state of one sync point. Changed only on the active-sync control thread; its status
 * is read from any thread, racily by design.
 */
final class SyncPoint {
  private final NamespacePath path;
  private final NamespacePath mountPath;
  private final PendingChanges pending;
  private volatile SyncPointState state = SyncPointState.IDLE;
  private volatile long lastSyncMs;
  private volatile long activity;
  private volatile int age;
  // The running sync's counts (the last one's when idle), so getSyncPathList shows its progress.
  private volatile SyncStats stats = new SyncStats();
  // When the changes now pending were first seen pending (0: none), and when those the running sync
  // took were (0: none running): the oldest unapplied change, for the staleness metric.
  private volatile long pendingSinceMs;
  private volatile long runningSinceMs;
  // When the feed last answered (a polling feed: last completed a pass), 0 before it first did.
  private volatile long feedAnsweredMs;
  private volatile long feedBacklog = -1;
  private volatile Trouble feedTrouble;
  private volatile Trouble syncTrouble;
  // A sync of this point is on the sync executor: another must not start, and the pending changes
  // it took are not applied yet, so the feed's cursor must not be journaled past them.
  private boolean running;

  /**
   * @param mountPath the mount whose feed reports this sync point's changes
   * @param maxPendingPaths changed paths remembered before the whole subtree is synced instead
   */
  SyncPoint(NamespacePath path, NamespacePath mountPath, int maxPendingPaths) {
    this.path = requireNonNull(path, "path is null");
    this.mountPath = requireNonNull(mountPath, "mountPath is null");
    this.pending = new PendingChanges(maxPendingPaths);
  }

  NamespacePath path() {
    return path;
  }

  NamespacePath mountPath() {
    return mountPath;
  }

  PendingChanges pending() {
    return pending;
  }

  SyncPointState state() {
    return state;
  }

  boolean running() {
    return running;
  }

  /** A new sync point whose whole subtree syncs now, shown as {@code INITIAL_SYNC} until done. */
  void awaitInitialSync() {
    state = SyncPointState.INITIAL_SYNC;
    pending.markWholeSubtree();
  }

  /**
   * Closes one interval: updates the activity with the interval's events, and says whether the
   * pending changes sync now (the age resets) or wait another interval (the age grows). A point
   * whose sync is still running waits: its new changes go into its next sync.
   */
  boolean closeInterval(QuietPeriodRule rule) {
    activity = QuietPeriodRule.nextActivity(activity, pending.takeEventCount());
    if (pending.isEmpty()) {
      age = 0;
      return false;
    }
    if (!running && (state == SyncPointState.INITIAL_SYNC || rule.syncNow(activity, age))) {
      age = 0;
      return true;
    }
    age++;
    return false;
  }

  /**
   * Notes at {@code nowMs} that changes are pending, if they are and none were before. Called each
   * round on the control thread, so the oldest change's age is known to a round.
   */
  void notePending(long nowMs) {
    if (pending.isEmpty()) {
      pendingSinceMs = 0;
    } else if (pendingSinceMs == 0) {
      pendingSinceMs = nowMs;
    }
  }

  /** The feed answered at {@code nowMs}: what it had seen until then is pending or applied. */
  void feedAnswered(long nowMs) {
    feedAnsweredMs = nowMs;
  }

  /** How many UFS transactions its feed had not read yet, -1 when the UFS does not say. */
  void feedBacklog(long transactions) {
    feedBacklog = transactions;
  }

  /** Takes the pending changes into a sync that starts at {@code startMs}. */
  SyncWork beginSync(long startMs) {
    runningSinceMs = pendingSinceMs != 0 ? pendingSinceMs : startMs;
    pendingSinceMs = 0;
    SyncWork work =
        new SyncWork(
            startMs,
            pending.wholeSubtree(),
            pending.paths(),
            new SyncStats(SyncTrigger.ACTIVE_SYNC));
    pending.clear();
    stats = work.stats();
    running = true;
    if (state != SyncPointState.INITIAL_SYNC) {
      state = SyncPointState.SYNCING;
    }
    return work;
  }

  void syncSucceeded(SyncWork work) {
    running = false;
    runningSinceMs = 0;
    lastSyncMs = work.startMs();
    syncTrouble = null;
    state = SyncPointState.IDLE;
  }

  /**
   * Puts back what the sync did not apply, without counting it as new activity, and shows the
   * failure until a sync succeeds; an initial sync stays {@code INITIAL_SYNC} and is retried.
   */
  void syncFailed(SyncWork work, String cause) {
    running = false;
    pending.retry(work);
    pendingSinceMs = oldest(pendingSinceMs, runningSinceMs);
    runningSinceMs = 0;
    syncTrouble = Trouble.after(syncTrouble, cause, work.startMs());
    if (state == SyncPointState.SYNCING) {
      state = SyncPointState.IDLE;
    }
  }

  /** Restores the journaled start time of the last completed sync, after a restart. */
  void restoreLastSync(long startMs) {
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

  /** The earlier of two times, 0 meaning none. */
  private static long oldest(long aMs, long bMs) {
    return aMs == 0 ? bMs : bMs == 0 ? aMs : Math.min(aMs, bMs);
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
        trouble,
        oldest(pendingSinceMs, runningSinceMs),
        feedAnsweredMs,
        feedBacklog);
  }
}
