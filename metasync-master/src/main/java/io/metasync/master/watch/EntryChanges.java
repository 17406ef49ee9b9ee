package io.metasync.master.watch;

import static io.metasync.common.Preconditions.checkArgument;

import java.util.List;

/**
 * The changes of one journal entry, in the order it applied them, with the entry's index: the
 * cursor a watcher resumes after. An entry's changes travel together, so a cursor never points into
 * the middle of one.
 */
public record EntryChanges(long index, List<Change> changes) {
  public EntryChanges {
    checkArgument(index >= -1, "journal index must be -1 (none yet) or more: %s", index);
    changes = List.copyOf(changes);
  }
}
