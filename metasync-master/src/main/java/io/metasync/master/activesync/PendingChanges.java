package io.metasync.master.activesync;

import static io.metasync.common.Preconditions.checkArgument;

import io.metasync.common.NamespacePath;
import java.util.Set;
import java.util.TreeSet;

/**
 * The paths of one sync point that changed since its last sync, bounded: past the bound (or after
 * the feed lost events) the whole sync point is synced instead, which is always correct, only
 * slower. Not thread-safe; the active-sync thread owns it.
 */
final class PendingChanges {
  private final int maxPaths;
  private final TreeSet<NamespacePath> paths = new TreeSet<>();
  private boolean wholeSubtree;
  private long eventsThisInterval;

  PendingChanges(int maxPaths) {
    checkArgument(maxPaths > 0, "maxPaths must be positive: %s", maxPaths);
    this.maxPaths = maxPaths;
  }

  void add(NamespacePath path) {
    eventsThisInterval++;
    if (!wholeSubtree) {
      paths.add(path);
      if (paths.size() > maxPaths) {
        markWholeSubtree();
      }
    }
  }

  /** Events were lost, or too many paths changed: the whole sync point must be synced. */
  void markWholeSubtree() {
    wholeSubtree = true;
    paths.clear();
  }

  boolean isEmpty() {
    return !wholeSubtree && paths.isEmpty();
  }

  boolean wholeSubtree() {
    return wholeSubtree;
  }

  /** The changed paths, ancestors before descendants. */
  Set<NamespacePath> paths() {
    return Set.copyOf(paths);
  }

  int size() {
    return wholeSubtree ? -1 : paths.size();
  }

  /** Events counted since the last call; the count starts again. */
  long takeEventCount() {
    long count = eventsThisInterval;
    eventsThisInterval = 0;
    return count;
  }

  /** Puts back what a failed sync did not apply, without counting it as new activity. */
  void retry(SyncWork failed) {
    if (failed.wholeSubtree()) {
      markWholeSubtree();
    } else if (!wholeSubtree) {
      paths.addAll(failed.changedPaths());
      if (paths.size() > maxPaths) {
        markWholeSubtree();
      }
    }
  }

  void clear() {
    paths.clear();
    wholeSubtree = false;
  }
}
