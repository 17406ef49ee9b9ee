package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;

/**
 * One sync point as {@code getSyncPathList} shows it.
 *
 * @param lastSyncMs start time of its last completed sync, 0 before the first
 * @param pendingChanges paths waiting to be synced; -1 when the whole sync point will be
 * @param age intervals waited with changes pending
 * @param listedEntries UFS entries listed so far by the running sync, or by the last one when idle
 * @param trouble why the state is {@code FEED_FAILING} or {@code SYNC_FAILING}; null otherwise
 * @param oldestUnappliedMs when the oldest change not yet applied (pending, or taken by the running
 *     sync) was first seen, to a round; 0 when there is none
 * @param feedBacklog UFS transactions its feed had not read yet (HDFS: txids behind the NameNode's
 *     last), -1 when the UFS does not say
 * @param feedAnsweredMs when its feed last answered (a polling feed: completed a pass), 0 before
 */
public record SyncPointStatus(
    NamespacePath path,
    SyncPointState state,
    long lastSyncMs,
    int pendingChanges,
    long activity,
    int age,
    long listedEntries,
    Trouble trouble,
    long oldestUnappliedMs,
    long feedAnsweredMs,
    long feedBacklog) {
  public SyncPointStatus {
    requireNonNull(path, "path is null");
    requireNonNull(state, "state is null");
  }
}
