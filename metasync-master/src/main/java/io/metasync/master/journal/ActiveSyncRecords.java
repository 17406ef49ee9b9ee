package io.metasync.master.journal;

import io.metasync.common.NamespacePath;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The journaled part of active sync: which folders are sync points, when each last completed a
 * sync, and how far each mount's change feed has been applied. Changed only by {@link
 * NamespaceState} applying entries; read by anyone.
 */
public final class ActiveSyncRecords {
  private final ConcurrentSkipListSet<NamespacePath> syncPoints = new ConcurrentSkipListSet<>();
  private final ConcurrentHashMap<NamespacePath, String> cursors = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<NamespacePath, Long> lastSyncMs = new ConcurrentHashMap<>();

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

  Map<NamespacePath, String> cursors() {
    return Map.copyOf(cursors);
  }

  /**
   * The journaled start time (ms since the epoch) of the last completed sync of the sync point
   * {@code path}; 0 when none was journaled.
   */
  public long lastSyncMs(NamespacePath path) {
    return lastSyncMs.getOrDefault(path, 0L);
  }

  Map<NamespacePath, Long> lastSyncTimes() {
    return Map.copyOf(lastSyncMs);
  }

  void addSyncPoint(NamespacePath path) {
    syncPoints.add(path);
  }

  void removeSyncPoint(NamespacePath path) {
    syncPoints.remove(path);
    lastSyncMs.remove(path);
  }

  /**
   * Ignored for a path that is no longer a sync point: its mount may have gone (from another thread
   * than the one journaling sync times) just before this entry.
   */
  void setLastSyncMs(NamespacePath path, long startMs) {
    if (syncPoints.contains(path)) {
      lastSyncMs.put(path, startMs);
    }
  }

  void setCursor(NamespacePath mountPath, String cursor) {
    cursors.put(mountPath, cursor);
  }

  /** A mount went away: its sync points and its feed's cursor go with it. */
  void forgetMount(NamespacePath mountPath) {
    syncPoints.removeIf(path -> path.startsWith(mountPath));
    lastSyncMs.keySet().removeIf(path -> path.startsWith(mountPath));
    cursors.remove(mountPath);
  }

  void clear() {
    syncPoints.clear();
    cursors.clear();
    lastSyncMs.clear();
  }
}
