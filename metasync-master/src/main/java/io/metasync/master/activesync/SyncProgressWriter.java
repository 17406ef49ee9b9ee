package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.journal.Journal;
import io.metasync.proto.journal.FeedCursorUpdate;
import io.metasync.ufs.FeedCursor;
import java.util.List;

/**
 * Journals what an active-sync interval got done on one mount, in one entry written after the
 * interval's syncs: the feed's cursor once every sync point on the mount has applied the events
 * before it (so a restart replays at least what was not applied, invariant 5), and the start time
 * of each sync point's last completed sync, so {@code getSyncPathList} still shows it after a
 * restart. Nothing is written when neither moved; a round with a completed sync but an unmoved
 * cursor (a sync point's initial sync, a whole-subtree sync while another sync point on the mount
 * waits) writes one small entry, at most once per interval per mount. Used on the active-sync
 * thread.
 */
final class SyncProgressWriter {
  private final Journal journal;
  private final ActiveSyncRecords records;

  SyncProgressWriter(Journal journal, ActiveSyncRecords records) {
    this.journal = requireNonNull(journal, "journal is null");
    this.records = requireNonNull(records, "records is null");
  }

  /**
   * Journals the progress of the sync points {@code onMount} of the mount at {@code mountPath},
   * whose feed is {@code follower} (null while it cannot be opened).
   */
  void write(NamespacePath mountPath, FeedFollower follower, List<SyncPoint> onMount) {
    FeedCursorUpdate.Builder update =
        FeedCursorUpdate.newBuilder().setMountPath(mountPath.toString());
    FeedCursor cursor = follower == null ? null : cursorIfApplied(follower, onMount);
    if (cursor != null) {
      update.setCursor(cursor.value());
    }
    for (SyncPoint point : onMount) {
      long lastSyncMs = point.lastSyncMs();
      if (lastSyncMs != records.lastSyncMs(point.path())) {
        update.putLastSyncMs(point.path().toString(), lastSyncMs);
      }
    }
    if (cursor == null && update.getLastSyncMsCount() == 0) {
      return;
    }
    journal.write(ActiveSyncRecords.feedProgress(update.build()));
    if (cursor != null) {
      follower.journaled(cursor);
    }
  }

  /** The feed's cursor if it moved and every sync point on the mount applied what it covers. */
  private static FeedCursor cursorIfApplied(FeedFollower follower, List<SyncPoint> onMount) {
    boolean allApplied =
        onMount.stream()
            .allMatch(
                point -> point.pending().isEmpty() && point.state() != SyncPointState.INITIAL_SYNC);
    return allApplied ? follower.cursorToJournal() : null;
  }
}
