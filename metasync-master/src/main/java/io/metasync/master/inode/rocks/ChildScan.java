package io.metasync.master.inode.rocks;

import io.metasync.master.inode.Inode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/** Reads a folder's children from the {@code children} column family, one range scan a page. */
final class ChildScan {
  private ChildScan() {}

  /** At most {@code limit} children of {@code parentId} after the name {@code startAfter}. */
  static List<Inode> page(RocksDatabase db, long parentId, String startAfter, int limit)
      throws RocksDBException {
    List<Inode> page = new ArrayList<>(Math.min(limit, 1024));
    byte[] start = InodeKeys.child(parentId, startAfter);
    // The upper bound stops the scan at the folder's end without stepping over the deletions of
    // removed children that may lie beyond it.
    try (Slice end = new Slice(InodeKeys.childrenEnd(parentId));
        ReadOptions options = new ReadOptions().setIterateUpperBound(end);
        RocksIterator iterator = db.db.newIterator(db.children, options)) {
      iterator.seek(start);
      if (iterator.isValid() && Arrays.equals(iterator.key(), start)) {
        iterator.next();
      }
      while (page.size() < limit && iterator.isValid()) {
        page.add(InodeValues.decode(iterator.value()));
        iterator.next();
      }
      iterator.status();
    }
    return page;
  }

  /** Whether {@code parentId} has a child in the database that is not in {@code removed}. */
  static boolean hasChildrenLeft(RocksDatabase db, long parentId, Set<Long> removed)
      throws RocksDBException {
    String after = "";
    while (true) {
      List<Inode> page = page(db, parentId, after, 100);
      for (Inode child : page) {
        if (!removed.contains(child.id())) {
          return true;
        }
      }
      if (page.size() < 100) {
        return false;
      }
      after = page.get(page.size() - 1).name();
    }
  }
}
