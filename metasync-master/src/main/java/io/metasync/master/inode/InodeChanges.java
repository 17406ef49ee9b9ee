package io.metasync.master.inode;

import io.metasync.master.journal.InodeRecords;
import io.metasync.proto.journal.InodeBatch;
import io.metasync.proto.journal.InodeChange;
import io.metasync.proto.journal.JournalEntry;

/**
 * Inode changes to be journaled together as one entry: one write through metasync, or one batch of
 * a folder merge. Applied in the order they were added.
 */
public final class InodeChanges {
  private final InodeBatch.Builder batch = InodeBatch.newBuilder();

  public InodeChanges put(Inode inode) {
    batch.addChanges(InodeChange.newBuilder().setPut(InodeRecords.toRecord(inode)));
    return this;
  }

  public InodeChanges removeSubtree(Inode inode) {
    batch.addChanges(InodeChange.newBuilder().setRemoveSubtree(inode.id()));
    return this;
  }

  public int size() {
    return batch.getChangesCount();
  }

  public boolean isEmpty() {
    return batch.getChangesCount() == 0;
  }

  JournalEntry toEntryAndClear() {
    JournalEntry entry = JournalEntry.newBuilder().setInodes(batch.build()).build();
    batch.clear();
    return entry;
  }
}
