package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The changes of one batch of a folder merge, kept until they are journaled, so that {@link
 * GroupCommit} can put the batches of several merges into one journal entry (and build the entry's
 * records on its own thread, not the merge's). Each change adds itself to the entry.
 */
final class ChangeBatch {
  private final List<Consumer<InodeChanges>> changes = new ArrayList<>();

  ChangeBatch put(Inode inode) {
    requireNonNull(inode, "inode is null");
    changes.add(entry -> entry.put(inode));
    return this;
  }

  ChangeBatch removeSubtree(Inode inode) {
    requireNonNull(inode, "inode is null");
    changes.add(entry -> entry.removeSubtree(inode));
    return this;
  }

  /** See {@link InodeChanges#folderSynced}. */
  ChangeBatch folderSynced(NamespacePath path, Inode folder, long startMs, boolean subtree) {
    requireNonNull(path, "path is null");
    requireNonNull(folder, "folder is null");
    changes.add(entry -> entry.folderSynced(path, folder, startMs, subtree));
    return this;
  }

  /** See {@link InodeChanges#forgetSyncTimes}. */
  ChangeBatch forgetSyncTimes(NamespacePath path) {
    requireNonNull(path, "path is null");
    changes.add(entry -> entry.forgetSyncTimes(path));
    return this;
  }

  /** Appends {@code other}'s changes, in order. */
  ChangeBatch addAll(ChangeBatch other) {
    changes.addAll(other.changes);
    return this;
  }

  int size() {
    return changes.size();
  }

  boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Adds this batch's changes, in order, to {@code entry}. */
  void addTo(InodeChanges entry) {
    changes.forEach(change -> change.accept(entry));
  }

  InodeChanges toInodeChanges() {
    InodeChanges entry = new InodeChanges();
    addTo(entry);
    return entry;
  }
}
