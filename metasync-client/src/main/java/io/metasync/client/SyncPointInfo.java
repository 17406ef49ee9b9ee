package io.metasync.client;

import static java.util.Objects.requireNonNull;

/**
 * One sync point as the master reports it.
 *
 * @param state INITIAL_SYNC, SYNCING, IDLE, FEED_FAILING or SYNC_FAILING
 * @param lastSyncMs start time of its last completed sync; 0 before the first
 * @param pendingChanges paths waiting to be synced; -1 when the whole sync point will be
 * @param age intervals waited with changes pending
 * @param listedEntries UFS entries listed so far by the running sync, or by the last one when idle
 * @param failure the last failure in words while FEED_FAILING or SYNC_FAILING; empty otherwise
 * @param failingSinceMs when the failures began; 0 when there are none
 * @param failures attempts (feed reads or re-opens, or syncs) failed since then
 */
public record SyncPointInfo(
    String path,
    String state,
    long lastSyncMs,
    int pendingChanges,
    long activity,
    int age,
    long listedEntries,
    String failure,
    long failingSinceMs,
    int failures) {
  public SyncPointInfo {
    requireNonNull(path, "path is null");
    requireNonNull(state, "state is null");
    requireNonNull(failure, "failure is null");
  }
}
