package io.metasync.master.inode;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.lock.LockMode;
import io.metasync.master.lock.LockedPaths;
import io.metasync.master.lock.PathLockManager;
import java.util.List;
import java.util.Optional;

/**
 * A cached folder's children, a page at a time in name order, each page read under the folder's
 * read lock and resumed after the last name read: the one way every walk over cached folders reads
 * them, so a folder of millions of children is never in memory whole and a page is consistent in
 * itself. Mount points are children like any other folder (their inodes are their UFS roots).
 */
public final class FolderPages {
  private final InodeTree tree;
  private final PathLockManager locks;
  private final int pageSize;

  /**
   * @param pageSize the most children a page holds
   * @throws IllegalArgumentException when {@code pageSize} is not positive
   */
  public FolderPages(InodeTree tree, PathLockManager locks, int pageSize) {
    this.tree = requireNonNull(tree, "tree is null");
    this.locks = requireNonNull(locks, "locks is null");
    checkArgument(pageSize > 0, "page size must be positive: %s", pageSize);
    this.pageSize = pageSize;
  }

  /**
   * The children of the folder {@code folder} after the name {@code startAfter} ("" for the first),
   * at most a page of them; empty at the end, or when {@code folder} is no cached folder (any
   * more).
   */
  public List<Inode> after(NamespacePath folder, String startAfter) {
    return after(folder, startAfter, pageSize);
  }

  /** As {@link #after(NamespacePath, String)}, at most {@code limit} children. */
  public List<Inode> after(NamespacePath folder, String startAfter, int limit) {
    requireNonNull(startAfter, "startAfter is null");
    try (LockedPaths ignored = locks.lock(folder, LockMode.READ)) {
      Optional<Inode> directory = tree.lookup(folder);
      if (directory.isEmpty() || !directory.get().isDirectory()) {
        return List.of();
      }
      return tree.children(directory.get(), startAfter, Math.min(limit, pageSize));
    }
  }

  /** The most children a page holds. */
  public int pageSize() {
    return pageSize;
  }
}
