package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.sync.SyncStats;
import java.util.Set;
import java.util.TreeSet;

/**
 * One sync of a sync point, as taken from its pending changes when the sync started: what it syncs,
 * when it started (the time a success records, so a change made during it is never marked as seen)
 * and its running counts.
 *
 * @param wholeSubtree the sync point's whole subtree is synced, not {@code changedPaths}
 */
record SyncWork(
    long startMs, boolean wholeSubtree, Set<NamespacePath> changedPaths, SyncStats stats) {
  SyncWork {
    changedPaths = Set.copyOf(requireNonNull(changedPaths, "changedPaths is null"));
    requireNonNull(stats, "stats is null");
  }

  /**
   * The folders to list for the changed paths, in path order: a changed path is seen in its
   * folder's listing (which carries its own metadata too); the sync point itself is its own.
   */
  Set<NamespacePath> foldersToList(NamespacePath syncPoint) {
    Set<NamespacePath> folders = new TreeSet<>();
    for (NamespacePath path : changedPaths) {
      folders.add(path.equals(syncPoint) ? path : path.parent());
    }
    return folders;
  }
}
