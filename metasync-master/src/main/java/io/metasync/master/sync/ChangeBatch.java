package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeChanges;
import java.util.ArrayList;
import java.util.List;

/**
 * The inode changes of one batch of a folder merge, kept as values until they are journaled, so
 * that {@link GroupCommit} can put the batches of several merges into one journal entry (and build
 * the entry's records on its own thread, not the merge's).
 */
final class ChangeBatch {
  private record Change(Inode inode, boolean removesSubtree) {}

  private final List<Change> changes = new ArrayList<>();

  ChangeBatch put(Inode inode) {
    changes.add(new Change(requireNonNull(inode, "inode is null"), false));
    return this;
  }

  ChangeBatch removeSubtree(Inode inode) {
    changes.add(new Change(requireNonNull(inode, "inode is null"), true));
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
    for (Change change : changes) {
      if (change.removesSubtree()) {
        entry.removeSubtree(change.inode());
      } else {
        entry.put(change.inode());
      }
    }
  }

  InodeChanges toInodeChanges() {
    InodeChanges entry = new InodeChanges();
    addTo(entry);
    return entry;
  }
}
