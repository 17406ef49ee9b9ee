package io.metasync.master.inode;

import java.util.List;
import java.util.Optional;

/**
 * Where inodes live: by id, and as children of their parent, ordered by name. Heap now, RocksDB
 * later; {@code AbstractInodeStoreTest} is the contract both pass. Each call is atomic and
 * thread-safe on its own; consistency across calls is the caller's, through path locks.
 */
public interface InodeStore extends AutoCloseable {
  Optional<Inode> get(long id);

  Optional<Inode> getChild(long parentId, String name);

  /**
   * Up to {@code limit} children of {@code parentId} whose names sort after {@code startAfter} (the
   * empty string for the first page), in ascending order of name.
   */
  List<Inode> listChildren(long parentId, String startAfter, int limit);

  boolean hasChildren(long parentId);

  /**
   * Inserts or replaces an inode, keyed by id; when its parent or name changed, it moves in the
   * child index.
   *
   * @throws IllegalStateException when another inode already has that parent and name
   */
  void put(Inode inode);

  /**
   * Removes one inode.
   *
   * @throws IllegalStateException when it still has children
   */
  void remove(long id);

  /** A fresh id, never returned before by this store. */
  long allocateId();

  /** The number of inodes. */
  long size();

  /** Removes every inode (before a snapshot is loaded in its place). */
  void clear();

  @Override
  void close();
}
