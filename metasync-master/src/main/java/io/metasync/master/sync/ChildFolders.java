package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The child folders a folder merge found, for a recursive sync to descend into: the first ones by
 * name, and when there were more than a merge remembers, the name after which the rest are read
 * from the cache, a page at a time. So a folder of millions of subfolders never has their names in
 * memory at once.
 *
 * @param first the first child folders in name order (mount points included)
 * @param moreAfter null when {@code first} is all of them; else the name to resume after
 */
record ChildFolders(List<String> first, String moreAfter) {
  static final ChildFolders NONE = new ChildFolders(List.of(), null);

  /** All of a folder's child folders, read from the cache: a folder loaded before. */
  static final ChildFolders ALL_CACHED = new ChildFolders(List.of(), "");

  ChildFolders {
    first = List.copyOf(requireNonNull(first, "first is null"));
  }
}
