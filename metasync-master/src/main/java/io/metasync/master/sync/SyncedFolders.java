package io.metasync.master.sync;

import static io.metasync.common.Preconditions.checkArgument;

import io.metasync.common.NamespacePath;
import io.metasync.proto.journal.FolderSyncTimes;
import io.metasync.proto.journal.SnapshotHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The journaled part of the sync-path cache: when each folder's children, and its whole subtree,
 * were last synced (start times), so that a restarted master fills its sync-path cache from here
 * and neither re-syncs what it synced just before nor shows {@code lastSynced} as unknown. Folder
 * granularity only: a file's own sync is not journaled (its folder's listing vouches for it).
 *
 * <p>Changed only by the namespace state applying entries, one at a time; read by proposers
 * (whether a time still needs journaling) and at start. Bounded: past the capacity the folders with
 * the oldest times are forgotten, in an order that depends only on the entries (time, then path),
 * so every replay keeps the same ones. A forgotten folder merely syncs again.
 */
public final class SyncedFolders {
  /** A folder's inode and the start times of its last children and subtree syncs (0: none). */
  public record Times(long inodeId, long childrenMs, long subtreeMs) {
    /** The later time of each; a record for another inode (the path was re-created) replaces. */
    Times latest(Times other) {
      if (other.inodeId != inodeId) {
        return other;
      }
      return new Times(
          inodeId, Math.max(childrenMs, other.childrenMs), Math.max(subtreeMs, other.subtreeMs));
    }
  }

  private final int capacity;
  private final int target;

  /**
   * By path text, which costs a fraction of a parsed {@link NamespacePath}; a subtree is still one
   * range: the folder, then every path that starts with it and a slash.
   */
  private final TreeMap<String, Times> byPath = new TreeMap<>();

  /**
   * @throws IllegalArgumentException when {@code capacity} is not positive
   */
  public SyncedFolders(int capacity) {
    checkArgument(capacity > 0, "capacity must be positive: %s", capacity);
    this.capacity = capacity;
    // Cut to 90% at once, so the sort an eviction needs is paid once per tenth of the capacity.
    this.target = Math.max(1, capacity - capacity / 10);
  }

  /**
   * The journaled start time of the last sync of the children of the folder {@code inodeId} at
   * {@code path}; 0 when none (or only one of another inode that was there).
   */
  public synchronized long childrenSyncedMs(NamespacePath path, long inodeId) {
    Times times = byPath.get(path.toString());
    return times == null || times.inodeId() != inodeId ? 0 : times.childrenMs();
  }

  /** As {@link #childrenSyncedMs}, for the folder's whole subtree. */
  public synchronized long subtreeSyncedMs(NamespacePath path, long inodeId) {
    Times times = byPath.get(path.toString());
    return times == null || times.inodeId() != inodeId ? 0 : times.subtreeMs();
  }

  /** Passes every folder's times, in path order, to {@code action}. */
  public void forEach(BiConsumer<NamespacePath, Times> action) {
    Map<String, Times> copy;
    synchronized (this) {
      copy = new TreeMap<>(byPath);
    }
    copy.forEach((path, times) -> action.accept(NamespacePath.parse(path), times));
  }

  public synchronized int size() {
    return byPath.size();
  }

  /** Applies a journaled {@code FOLDER_SYNCED} record whose path still leads to its inode. */
  public void record(FolderSyncTimes record) {
    record(NamespacePath.parse(record.getPath()), toTimes(record));
  }

  private synchronized void record(NamespacePath path, Times times) {
    byPath.merge(path.toString(), times, Times::latest);
    if (byPath.size() > capacity) {
      evictOldest();
    }
  }

  private void evictOldest() {
    List<Map.Entry<String, Times>> entries = new ArrayList<>(byPath.entrySet());
    entries.sort(
        Comparator.comparingLong((Map.Entry<String, Times> entry) -> latestMs(entry))
            .thenComparing(Map.Entry::getKey));
    for (int i = 0; i < entries.size() - target; i++) {
      byPath.remove(entries.get(i).getKey());
    }
  }

  private static long latestMs(Map.Entry<String, Times> entry) {
    return Math.max(entry.getValue().childrenMs(), entry.getValue().subtreeMs());
  }

  /** Forgets {@code path} and every path below it (applying a journal entry). */
  public synchronized void forgetSubtree(NamespacePath path) {
    if (path.isRoot()) {
      byPath.clear();
      return;
    }
    String text = path.toString();
    byPath.remove(text);
    // '0' follows '/': the range holds exactly the paths that start with the folder and a slash
    byPath.subMap(text + "/", text + "0").clear();
  }

  /** Puts every folder's times, in path order, into a snapshot's header. */
  public synchronized void writeTo(SnapshotHeader.Builder header) {
    byPath.forEach((path, times) -> header.addSyncedFolders(toRecord(path, times)));
  }

  /** Replaces every folder's times with a snapshot's. */
  public synchronized void loadFrom(SnapshotHeader header) {
    byPath.clear();
    header.getSyncedFoldersList().forEach(this::record);
  }

  private static FolderSyncTimes toRecord(String path, Times times) {
    return FolderSyncTimes.newBuilder()
        .setPath(path)
        .setInodeId(times.inodeId())
        .setChildrenMs(times.childrenMs())
        .setSubtreeMs(times.subtreeMs())
        .build();
  }

  private static Times toTimes(FolderSyncTimes record) {
    return new Times(record.getInodeId(), record.getChildrenMs(), record.getSubtreeMs());
  }
}
