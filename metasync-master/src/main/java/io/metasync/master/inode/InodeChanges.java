package io.metasync.master.inode;

import io.metasync.common.NamespacePath;
import io.metasync.proto.journal.ClientCall;
import io.metasync.proto.journal.FolderSyncTimes;
import io.metasync.proto.journal.InodeBatch;
import io.metasync.proto.journal.InodeChange;
import io.metasync.proto.journal.InodeIds;
import io.metasync.proto.journal.JournalEntry;
import java.util.List;
import java.util.Optional;

/**
 * Inode changes, and the folder sync times they make true or void, to be journaled together as one
 * entry: one write through metasync, or one batch of a folder merge. Applied in the order they were
 * added.
 */
public final class InodeChanges {
  private final InodeBatch.Builder batch = InodeBatch.newBuilder();
  private boolean detaches;

  public InodeChanges put(Inode inode) {
    batch.addChanges(InodeChange.newBuilder().setPut(InodeRecords.toRecord(inode)));
    return this;
  }

  /**
   * Removes {@code inode} and everything below it from the namespace. A file goes at once; a folder
   * is detached into the trash, whose purger removes its subtree in entries of their own, so that
   * applying this entry takes one put however big the subtree is.
   */
  public InodeChanges removeSubtree(Inode inode) {
    InodeChange.Builder change = InodeChange.newBuilder();
    if (inode.isDirectory()) {
      change.setDetachSubtree(inode.id());
      detaches = true;
    } else {
      change.setRemoveSubtree(inode.id());
    }
    batch.addChanges(change);
    return this;
  }

  /**
   * Records that a sync of the folder {@code folder} at {@code path} started at {@code startMs} and
   * completed: of its direct children, or with {@code subtree} of everything below it. Kept when
   * applied only if the path still leads to that folder.
   */
  public InodeChanges folderSynced(
      NamespacePath path, Inode folder, long startMs, boolean subtree) {
    FolderSyncTimes.Builder times =
        FolderSyncTimes.newBuilder()
            .setPath(path.toString())
            .setInodeId(folder.id())
            .setChildrenMs(startMs);
    if (subtree) {
      times.setSubtreeMs(startMs);
    }
    batch.addChanges(InodeChange.newBuilder().setFolderSynced(times));
    return this;
  }

  /**
   * Forgets the sync times of {@code path} and everything below it, which these changes delete,
   * move or replace.
   */
  public InodeChanges forgetSyncTimes(NamespacePath path) {
    batch.addChanges(InodeChange.newBuilder().setForgetSyncTimes(path.toString()));
    return this;
  }

  /** Removes these inodes of the trash, in this order (children before their folder). */
  InodeChanges removeInodes(List<Long> ids) {
    batch.addChanges(
        InodeChange.newBuilder().setRemoveInodes(InodeIds.newBuilder().addAllIds(ids)));
    return this;
  }

  public int size() {
    return batch.getChangesCount();
  }

  public boolean isEmpty() {
    return batch.getChangesCount() == 0;
  }

  /** Whether these changes detach a subtree into the trash. */
  boolean detaches() {
    return detaches;
  }

  /**
   * Names the client call whose mutation these changes are (see {@link ClientCalls}); a change made
   * by the master itself names none.
   */
  public InodeChanges calledBy(Optional<ClientCall> call) {
    call.ifPresentOrElse(batch::setCall, batch::clearCall);
    return this;
  }

  JournalEntry toEntryAndClear() {
    JournalEntry entry = JournalEntry.newBuilder().setInodes(batch.build()).build();
    batch.clear();
    detaches = false;
    return entry;
  }
}
