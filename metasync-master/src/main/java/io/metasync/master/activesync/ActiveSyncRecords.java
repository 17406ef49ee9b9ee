package io.metasync.master.activesync;

import io.metasync.common.NamespacePath;
import io.metasync.proto.journal.FeedCursorUpdate;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.SnapshotHeader;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The journaled part of active sync: which folders are sync points, when each last completed a
 * sync, and how far each mount's change feed has been applied. The entries that change it are built
 * by {@link ActiveSyncJournal} and applied here ({@link #apply}), in log order by the journal's one
 * applying thread; anyone may read.
 */
public final class ActiveSyncRecords {
  private final ConcurrentSkipListSet<NamespacePath> syncPoints = new ConcurrentSkipListSet<>();
  private final ConcurrentHashMap<NamespacePath, String> cursors = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<NamespacePath, Long> lastSyncMs = new ConcurrentHashMap<>();

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
