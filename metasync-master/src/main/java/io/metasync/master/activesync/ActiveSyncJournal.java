package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.journal.Journal;
import io.metasync.proto.journal.AddSyncPoint;
import io.metasync.proto.journal.FeedCursorUpdate;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.RemoveSyncPoint;
import io.metasync.ufs.FeedCursor;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Active sync's journaled state: the entries it writes (sync points added and removed, each mount's
 * progress) and the records the journal applied them to, read back at start-up. Used on the control
 * thread.
 */
public final class ActiveSyncJournal {
  private final Journal journal;
  private final ActiveSyncRecords records;

  public ActiveSyncJournal(Journal journal, ActiveSyncRecords records) {
    this.journal = requireNonNull(journal, "journal is null");
    this.records = requireNonNull(records, "records is null");
  }

  /** The sync points journaled so far, to resume at start-up. */
  Set<NamespacePath> syncPoints() {
    return records.syncPoints();
  }

  /** How far the feed of the mount at {@code mountPath} was applied, if that was ever journaled. */
  Optional<FeedCursor> cursor(NamespacePath mountPath) {
    return records.cursor(mountPath).map(FeedCursor::new);
  }

  /** The journaled start time of the sync point's last completed sync; 0 when none was. */
  long lastSyncMs(NamespacePath syncPoint) {
    return records.lastSyncMs(syncPoint);
  }

  /**
   * Journaled once the feed watches the folder, before the sync point is followed: a crash between
   * leaves a sync point that the restart resumes (and, with no cursor, syncs whole). A sync point
   * whose first sync never completed (no last sync time) is synced whole when resumed, whether the
   * old leader crashed in it or handed over.
   */
  void addSyncPoint(NamespacePath path) {
    journal.write(
        JournalEntry.newBuilder()
            .setAddSyncPoint(AddSyncPoint.newBuilder().setPath(path.toString()))
            .build());
  }

  /**
   * Journaled before the sync point is forgotten: a crash between leaves no sync point, which is
   * what {@code stopSync} asked for.
   */
  void removeSyncPoint(NamespacePath path) {
    journal.write(
        JournalEntry.newBuilder()
            .setRemoveSyncPoint(RemoveSyncPoint.newBuilder().setPath(path.toString()))
            .build());
  }

  /**
   * Journals what the sync points {@code onMount} of the mount at {@code mountPath} got done, in
   * one entry written after their syncs: the feed's cursor once every one of them has applied the
   * events before it (so a restart replays at least what was not applied, invariant 5), and the
   * start time of each one's last completed sync, so {@code getSyncPathList} still shows it after a
   * restart. Nothing is written when neither moved.
   *
   * @param follower the mount's feed; null while it cannot be opened (the cursor then stays)
   */
  void writeProgress(NamespacePath mountPath, FeedFollower follower, List<SyncPoint> onMount) {
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
    journal.write(JournalEntry.newBuilder().setFeedCursor(update).build());
    if (cursor != null) {
      follower.journaled(cursor);
    }
  }

  /**
   * The feed's cursor if it moved and every sync point on the mount applied what it covers: none
   * has changes pending, none has a sync running (its changes are taken but not yet applied), none
   * still waits for its initial sync.
   */
  private static FeedCursor cursorIfApplied(FeedFollower follower, List<SyncPoint> onMount) {
    boolean allApplied =
        onMount.stream()
            .allMatch(
                point ->
                    point.pending().isEmpty()
                        && !point.running()
                        && point.state() != SyncPointState.INITIAL_SYNC);
    return allApplied ? follower.cursorToJournal() : null;
  }
}
