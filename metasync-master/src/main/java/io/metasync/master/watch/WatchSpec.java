package io.metasync.master.watch;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * What a watcher asked for.
 *
 * @param recursive the whole subtree of {@code path}; otherwise the path and its direct children
 * @param from the cursor to resume after; empty: from now on
 * @param visible which changes the watcher may see (those in folders it may list)
 */
public record WatchSpec(
    NamespacePath path, boolean recursive, OptionalLong from, Predicate<Change> visible) {
  public WatchSpec {
    requireNonNull(path, "path is null");
    requireNonNull(from, "from is null");
    requireNonNull(visible, "visible is null");
  }

  /** The changes of {@code entry} this watcher sees, in order. */
  EntryChanges filter(EntryChanges entry) {
    return new EntryChanges(
        entry.index(),
        entry.changes().stream().filter(change -> change.isUnder(path, recursive)).toList());
  }
}
