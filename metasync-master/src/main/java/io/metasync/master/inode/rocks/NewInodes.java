package io.metasync.master.inode.rocks;

import static io.metasync.common.Preconditions.checkState;

import io.metasync.master.inode.Inode;
import io.metasync.master.inode.rocks.InodeCache.ChildName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The write of a batch of inodes that are all new to the store (every id above any it held, and
 * each put once), which is what a first load writes, millions of times. Such a batch moves nothing
 * and replaces nothing, so it needs none of the reads a general put makes: no inode's previous
 * location, and no index over the batch to see its own earlier puts. What it must still refuse, a
 * name already taken, is checked with one multi-get for the whole batch and a set of the batch's
 * own names. Nothing cached can name a new id or a free name (the cache holds only inodes that were
 * found), so it drops no cache entry either.
 */
final class NewInodes {
  private NewInodes() {}

  /**
   * Whether every inode of {@code inodes} has an id above {@code storedMaxId}, each once (a batch
   * may also put one new inode and then move it).
   */
  static boolean all(List<Inode> inodes, long storedMaxId) {
    long[] ids = new long[inodes.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = inodes.get(i).id();
    }
    Arrays.sort(ids);
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] <= storedMaxId || (i > 0 && ids[i] == ids[i - 1])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The batch that stores {@code inodes}, new ones all; the caller writes and closes it.
   *
   * @throws IllegalStateException when a name is taken, in the store or earlier in the batch
   */
  static WriteBatch batch(RocksDatabase db, List<Inode> inodes) throws RocksDBException {
    int size = inodes.size();
    List<byte[]> locations = new ArrayList<>(size);
    Set<ChildName> names = new HashSet<>(size * 2);
    for (Inode inode : inodes) {
      checkState(
          names.add(new ChildName(inode.parentId(), inode.name())),
          "cannot put inode %s as '%s' under parent %s: the same batch gave that name before",
          inode.id(),
          inode.name(),
          inode.parentId());
      locations.add(InodeKeys.child(inode.parentId(), inode.name()));
    }
    List<byte[]> taken = db.db.multiGetAsList(Collections.nCopies(size, db.children), locations);
    for (int i = 0; i < size; i++) {
      byte[] holder = taken.get(i);
      Inode inode = inodes.get(i);
      checkState(
          holder == null,
          "cannot put inode %s as '%s' under parent %s: inode %s already has that name",
          inode.id(),
          inode.name(),
          inode.parentId(),
          holder == null ? 0 : InodeValues.decode(holder).id());
    }
    WriteBatch batch = new WriteBatch();
    try {
      for (int i = 0; i < size; i++) {
        Inode inode = inodes.get(i);
        batch.put(db.inodes, InodeKeys.id(inode.id()), locations.get(i));
        batch.put(db.children, locations.get(i), InodeValues.encode(inode));
      }
      return batch;
    } catch (RocksDBException | RuntimeException e) {
      batch.close();
      throw e;
    }
  }
}
