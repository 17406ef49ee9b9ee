package io.metasync.master.activesync;

import io.metasync.common.NamespacePath;
import io.metasync.proto.journal.AddSyncPoint;
import io.metasync.proto.journal.FeedCursorUpdate;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.RemoveSyncPoint;
import io.metasync.proto.journal.SnapshotHeader;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The journaled part of active sync: which folders are sync points, when each last completed a
 * sync, and how far each mount's change feed has been applied. The entries that change it are built
 * here ({@link #addSyncPoint}, {@link #removeSyncPoint}, {@link #feedProgress}) and applied here
 * ({@link #apply}), in log order by the journal's one applying thread; anyone may read.
 */
public final class ActiveSyncRecords {
  private final ConcurrentSkipListSet<NamespacePath> syncPoints = new ConcurrentSkipListSet<>();
  private final ConcurrentHashMap<NamespacePath, String> cursors = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<NamespacePath, Long> lastSyncMs = new ConcurrentHashMap<>();

  /**
   * The entry that makes {@code path} a sync point. Journaled after the feed watches the folder and
   * before anything is synced: a crash between the watch and the entry leaves no sync point (the
   * caller saw no answer and may start again); a crash after it leaves a sync point followed, after
   * the restart, from its mount's journaled cursor (synced whole when the mount has none). An
   * initial sync still running at the crash is not redone (issue 16 journals pending syncs).
   */
  public static JournalEntry addSyncPoint(NamespacePath path) {
    return JournalEntry.newBuilder()
        .setAddSyncPoint(AddSyncPoint.newBuilder().setPath(path.toString()))
        .build();
  }

  /**
   * The entry that stops following {@code path}. No UFS operation goes with it; a crash before it
   * leaves the sync point followed after the restart, and the caller saw no answer.
   */
  public static JournalEntry removeSyncPoint(NamespacePath path) {
    return JournalEntry.newBuilder()
        .setRemoveSyncPoint(RemoveSyncPoint.newBuilder().setPath(path.toString()))
        .build();
  }

  /**
   * The entry that moves a feed's cursor and/or the last sync times of its sync points. Journaled
   * only after the inode entries of the changes it covers: a crash before it replays the feed from
   * the older cursor and re-applies changes the cache already holds, which a sync makes no-ops; it
   * never skips a change.
   */
  public static JournalEntry feedProgress(FeedCursorUpdate update) {
    return JournalEntry.newBuilder().setFeedCursor(update).build();
  }

  /** Applies an active-sync entry (one {@link #handles} accepts). */
  public void apply(JournalEntry entry) {
    switch (entry.getEntryCase()) {
      case ADD_SYNC_POINT -> syncPoints.add(NamespacePath.parse(entry.getAddSyncPoint().getPath()));
      case REMOVE_SYNC_POINT -> {
        NamespacePath path = NamespacePath.parse(entry.getRemoveSyncPoint().getPath());
        syncPoints.remove(path);
        lastSyncMs.remove(path);
      }
      case FEED_CURSOR -> {
        FeedCursorUpdate update = entry.getFeedCursor();
        if (update.hasCursor()) {
          cursors.put(NamespacePath.parse(update.getMountPath()), update.getCursor());
        }
        update.getLastSyncMsMap().forEach((point, ms) -> setLastSyncMs(point, ms));
      }
      default ->
          throw new IllegalArgumentException(
              "not an active-sync journal entry: " + entry.getEntryCase());
    }
  }

  /** Whether {@link #apply} takes this entry. */
  public static boolean handles(JournalEntry entry) {
    return switch (entry.getEntryCase()) {
      case ADD_SYNC_POINT, REMOVE_SYNC_POINT, FEED_CURSOR -> true;
      default -> false;
    };
  }

  public Set<NamespacePath> syncPoints() {
    return Set.copyOf(syncPoints);
  }

  public boolean isSyncPoint(NamespacePath path) {
    return syncPoints.contains(path);
  }

  /** The journaled cursor of the feed of the mount at {@code mountPath}, if it ever had one. */
  public Optional<String> cursor(NamespacePath mountPath) {
    return Optional.ofNullable(cursors.get(mountPath));
  }

  /**
   * The journaled start time (ms since the epoch) of the last completed sync of the sync point
   * {@code path}; 0 when none was journaled.
   */
  public long lastSyncMs(NamespacePath path) {
    return lastSyncMs.getOrDefault(path, 0L);
  }

  /**
   * Ignored for a path that is no longer a sync point: its mount may have gone (from another thread
   * than the one journaling sync times) just before this entry.
   */
  private void setLastSyncMs(String point, long startMs) {
    NamespacePath path = NamespacePath.parse(point);
    if (syncPoints.contains(path)) {
      lastSyncMs.put(path, startMs);
    }
  }

  /** A mount went away (applying its removal): its sync points and its feed's cursor go with it. */
  public void forgetMount(NamespacePath mountPath) {
    syncPoints.removeIf(path -> path.startsWith(mountPath));
    lastSyncMs.keySet().removeIf(path -> path.startsWith(mountPath));
    cursors.remove(mountPath);
  }

  /** Puts the sync points, cursors and last sync times into a snapshot's header. */
  public void writeTo(SnapshotHeader.Builder header) {
    syncPoints.forEach(path -> header.addSyncPoints(path.toString()));
    cursors.forEach((mount, cursor) -> header.putFeedCursors(mount.toString(), cursor));
    lastSyncMs.forEach((point, ms) -> header.putLastSyncMs(point.toString(), ms));
  }

  /** Replaces everything with a snapshot's. */
  public void loadFrom(SnapshotHeader header) {
    syncPoints.clear();
    cursors.clear();
    lastSyncMs.clear();
    header.getSyncPointsList().forEach(path -> syncPoints.add(NamespacePath.parse(path)));
    header
        .getFeedCursorsMap()
        .forEach((mount, cursor) -> cursors.put(NamespacePath.parse(mount), cursor));
    header.getLastSyncMsMap().forEach(this::setLastSyncMs);
  }
}
