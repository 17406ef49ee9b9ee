package io.metasync.master.inode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where inodes live: by id, and as children of their parent, ordered by name ({@link
 * String#compareTo}). {@link HeapInodeStore} and a RocksDB one; {@code AbstractInodeStoreTest} is
 * the contract both pass. Each call is atomic and thread-safe on its own; consistency across calls
 * is the caller's, through path locks.
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

  /** The counts of a store that caches what it reads from disk; empty for one that does not. */
  default java.util.Optional<InodeCacheCounts> cacheCounts() {
    return java.util.Optional.empty();
  }

  /**
   * Puts each inode in order, as {@link #put} does (a later one sees the earlier ones). A store may
   * apply them as one atomic write (RocksDB: one write batch for a journal entry of a thousand
   * puts); the heap store puts them one by one.
   *
   * @throws IllegalStateException as {@link #put}; the puts before the refused one may or may not
   *     have been applied
   */
  default void putAll(List<Inode> inodes) {
    for (Inode inode : inodes) {
      put(inode);
    }
  }

  /**
   * Removes one inode.
   *
   * @throws IllegalStateException when it still has children
   */
  void remove(long id);

  /**
   * Removes each inode in order, as {@link #remove} does. A store may apply them as one atomic
   * write (RocksDB: one write batch for a page of a subtree removal); the heap store removes them
   * one by one.
   *
   * @throws IllegalStateException as {@link #remove}; the removals before the refused one may or
   *     may not have been applied
   */
  default void removeAll(List<Long> ids) {
    for (long id : ids) {
      remove(id);
    }
  }

  /** A fresh id, never returned before by this store. */
  long allocateId();

  /** The number of inodes. */
  long size();

  /** Removes every inode (before a snapshot is loaded in its place). */
  void clear();

  /**
   * Writes every inode into {@code checkpoint}, a folder that does not exist yet, as files that
   * share storage with the store where they can, and returns true; or writes nothing and returns
   * false when this store has no such form, so that the caller writes the inodes out one by one. No
   * write runs meanwhile.
   *
   * @throws IOException when the checkpoint cannot be written
   */
  default boolean writeCheckpoint(Path checkpoint) throws IOException {
    return false;
  }

  /**
   * Replaces every inode with those of a checkpoint that {@link #writeCheckpoint} wrote and returns
   * true, when this store reads its checkpoints as they are; false (the default), having changed
   * nothing, when the caller must read the checkpoint's inodes and put them one by one (a heap
   * store over a journal that a RocksDB store wrote).
   *
   * @throws IOException when the checkpoint is unreadable
   */
  default boolean loadCheckpoint(Path checkpoint) throws IOException {
    return false;
  }

  @Override
  void close();
}
