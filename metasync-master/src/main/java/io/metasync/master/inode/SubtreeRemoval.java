package io.metasync.master.inode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Removes an inode and everything below it from a store, children before parents, a page at a time
 * so that a wide folder never sits in memory whole. Deterministic for a given store, as journal
 * apply needs.
 */
public final class SubtreeRemoval {
  private static final int PAGE = 1000;

  private SubtreeRemoval() {}

  public static void remove(InodeStore store, long topId) {
    if (store.get(topId).isEmpty()) {
      return;
    }
    Deque<Long> pending = new ArrayDeque<>();
    pending.push(topId);
    while (!pending.isEmpty()) {
      long id = pending.peek();
      List<Inode> children = store.listChildren(id, "", PAGE);
      if (children.isEmpty()) {
        store.remove(pending.pop());
        continue;
      }
      for (Inode child : children) {
        if (child.isDirectory() && store.hasChildren(child.id())) {
          pending.push(child.id());
        } else {
          store.remove(child.id());
        }
      }
    }
  }
}
