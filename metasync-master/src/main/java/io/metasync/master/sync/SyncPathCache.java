package io.metasync.master.sync;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * When each path was last synced, and how deep. Times are the <em>start</em> times of syncs, so a
 * change made in the UFS while a sync ran is never taken as seen. Bounded: the least recently
 * recorded entries are forgotten past the capacity, and a forgotten path merely syncs again.
 *
 * <p>Every {@code stat} asks {@link #lastSynced}, so reads are a few hash lookups (one per
 * ancestor) with no lock; a record replaces a path's small immutable entry atomically. The keys are
 * also kept in path order, where a subtree is one contiguous range, so forgetting a subtree (every
 * delete, rename and unmount does) touches only that subtree's records.
 */
public final class SyncPathCache {
  private final ConcurrentHashMap<NamespacePath, SyncTimes> entries = new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<NamespacePath> keys = new ConcurrentSkipListSet<>();
  private final OldestFirstEviction eviction;

  /**
   * @throws IllegalArgumentException when {@code capacity} is not positive
   */
  public SyncPathCache(int capacity) {
    this.eviction = new OldestFirstEviction(capacity);
  }

  /**
   * Records that a sync of {@code path} at {@code depth} started at {@code startMs}; keeps the
   * later time.
   */
  public void recordSynced(NamespacePath path, SyncDepth depth, long startMs) {
    requireNonNull(path, "path is null");
    requireNonNull(depth, "depth is null");
    checkArgument(startMs >= 0, "sync start time must not be negative: %s", startMs);
    entries.merge(path, SyncTimes.of(depth, startMs), SyncTimes::latest);
    keys.add(path);
    eviction.evictIfOverCapacity(entries, entries.size(), SyncTimes::self, this::removeIfUnchanged);
  }

  private boolean removeIfUnchanged(NamespacePath path, SyncTimes times) {
    boolean removed = entries.remove(path, times);
    if (removed) {
      keys.remove(path);
    }
    return removed;
  }

  private void removeIfEmpty(NamespacePath path) {
    if (!entries.containsKey(path)) {
      keys.remove(path);
    }
  }

  /**
   * When {@code path} was last synced to at least {@code depth}, or 0 when unknown: the latest of
   * its own record at that depth or deeper, its parent's CHILDREN-or-deeper record (only when
   * {@code depth} is SELF), and any ancestor's SUBTREE record.
   */
  public long lastSynced(NamespacePath path, SyncDepth depth) {
    requireNonNull(path, "path is null");
    requireNonNull(depth, "depth is null");
    long latest = timesOf(path).at(depth);
    if (path.isRoot()) {
      return latest;
    }
    SyncTimes parent = timesOf(path.parent());
    // The parent's listing vouches for the child's own metadata, not for what lies below it.
    latest = Math.max(latest, depth == SyncDepth.SELF ? parent.children() : parent.subtree());
    for (int ancestorDepth = path.depth() - 2; ancestorDepth >= 0; ancestorDepth--) {
      latest = Math.max(latest, timesOf(path.ancestor(ancestorDepth)).subtree());
    }
    return latest;
  }

  /**
   * When the children of {@code folder} were last confirmed together: its own CHILDREN-or-deeper
   * record, or any ancestor's SUBTREE record. A listing reads it once per folder and then {@link
   * #lastSyncedChild} per child, which is {@link #lastSynced} at SELF depth without the walk over
   * the ancestors.
   */
  public long childrenSynced(NamespacePath folder) {
    requireNonNull(folder, "folder is null");
    long latest = timesOf(folder).children();
    for (int ancestorDepth = folder.depth() - 1; ancestorDepth >= 0; ancestorDepth--) {
      latest = Math.max(latest, timesOf(folder.ancestor(ancestorDepth)).subtree());
    }
    return latest;
  }

  /**
   * {@link #lastSynced}({@code child}, SELF), given {@link #childrenSynced} of its parent.
   *
   * @param parentChildrenSynced {@code childrenSynced(child.parent())}
   */
  public long lastSyncedChild(NamespacePath child, long parentChildrenSynced) {
    return Math.max(timesOf(child).self(), parentChildrenSynced);
  }

  /**
   * Marks {@code path} unsynced after a failure, so the next call retries: clears its own record,
   * its parent's CHILDREN record and every ancestor's SUBTREE record.
   */
  public void invalidate(NamespacePath path) {
    requireNonNull(path, "path is null");
    entries.remove(path);
    keys.remove(path);
    if (path.isRoot()) {
      return;
    }
    // A SUBTREE record also counts as CHILDREN, so the parent loses both.
    entries.computeIfPresent(path.parent(), (p, times) -> times.withoutChildren().orNull());
    removeIfEmpty(path.parent());
    for (int ancestorDepth = path.depth() - 2; ancestorDepth >= 0; ancestorDepth--) {
      NamespacePath ancestor = path.ancestor(ancestorDepth);
      entries.computeIfPresent(ancestor, (p, times) -> times.withoutSubtree().orNull());
      removeIfEmpty(ancestor);
    }
  }

  /** Forgets {@code path} and everything below it (after an unmount or delete). */
  public void forgetSubtree(NamespacePath path) {
    requireNonNull(path, "path is null");
    for (NamespacePath key : keys.tailSet(path, true)) {
      if (!key.startsWith(path)) {
        break;
      }
      entries.remove(key);
      keys.remove(key);
    }
  }

  /** For tests: the number of paths with a record. */
  int size() {
    return entries.size();
  }

  private SyncTimes timesOf(NamespacePath path) {
    return entries.getOrDefault(path, SyncTimes.EMPTY);
  }

  /**
   * One path's latest sync start per depth. Each deeper sync also counts for the shallower depths,
   * so {@code self >= children >= subtree} always holds and a lookup reads one field.
   */
  record SyncTimes(long self, long children, long subtree) {
    static final SyncTimes EMPTY = new SyncTimes(0, 0, 0);

    long at(SyncDepth depth) {
      return switch (depth) {
        case SELF -> self;
        case CHILDREN -> children;
        case SUBTREE -> subtree;
      };
    }

    static SyncTimes of(SyncDepth depth, long startMs) {
      return switch (depth) {
        case SELF -> new SyncTimes(startMs, 0, 0);
        case CHILDREN -> new SyncTimes(startMs, startMs, 0);
        case SUBTREE -> new SyncTimes(startMs, startMs, startMs);
      };
    }

    /** The later time at each depth, so a sync that started earlier never moves a time back. */
    SyncTimes latest(SyncTimes other) {
      return new SyncTimes(
          Math.max(self, other.self),
          Math.max(children, other.children),
          Math.max(subtree, other.subtree));
    }

    SyncTimes withoutChildren() {
      return new SyncTimes(self, 0, 0);
    }

    SyncTimes withoutSubtree() {
      return new SyncTimes(self, children, 0);
    }

    /** {@code null} when nothing is left, which removes the entry in a map's compute. */
    SyncTimes orNull() {
      return self == 0 && children == 0 && subtree == 0 ? null : this;
    }
  }
}
