package io.metasync.master.inode;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.ufs.UfsStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Path-shaped access to the {@link InodeStore}: lookup by namespace path, and the changes a sync or
 * a write makes (add, update, move, remove a subtree). Callers hold the path locks that make a
 * sequence of these calls consistent.
 */
public final class InodeTree {
  private static final int REMOVE_PAGE = 1000;

  private final InodeStore store;

  public InodeTree(InodeStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /** Creates the root folder from the root UFS's status if the store has none. */
  public void initializeRoot(UfsStatus rootStatus) {
    if (store.get(Inode.ROOT_ID).isEmpty()) {
      store.put(Inode.fromUfs(Inode.ROOT_ID, Inode.NO_PARENT, "", rootStatus));
    }
  }

  public Inode root() {
    return store
        .get(Inode.ROOT_ID)
        .orElseThrow(() -> new IllegalStateException("the inode store has no root"));
  }

  public Optional<Inode> lookup(NamespacePath path) {
    Inode current = root();
    for (String name : path.components()) {
      if (!current.isDirectory()) {
        return Optional.empty();
      }
      Optional<Inode> child = store.getChild(current.id(), name);
      if (child.isEmpty()) {
        return Optional.empty();
      }
      current = child.get();
    }
    return Optional.of(current);
  }

  public Optional<Inode> child(Inode parent, String name) {
    return store.getChild(parent.id(), name);
  }

  public List<Inode> children(Inode parent, String startAfter, int limit) {
    return store.listChildren(parent.id(), startAfter, limit);
  }

  public boolean hasChildren(Inode parent) {
    return store.hasChildren(parent.id());
  }

  public Inode addChild(Inode parent, String name, UfsStatus status) {
    Inode inode = Inode.fromUfs(store.allocateId(), parent.id(), name, status);
    store.put(inode);
    return inode;
  }

  /** A new empty folder created through metasync: its children are known (there are none). */
  public Inode addCreatedDirectory(Inode parent, String name, UfsStatus status) {
    Inode inode = Inode.fromUfs(store.allocateId(), parent.id(), name, status);
    inode = inode.withChildrenLoaded(true);
    store.put(inode);
    return inode;
  }

  public Inode update(Inode inode, UfsStatus status) {
    Inode updated = inode.withUfsStatus(status);
    store.put(updated);
    return updated;
  }

  public Inode markChildrenLoaded(Inode directory) {
    if (directory.childrenLoaded()) {
      return directory;
    }
    Inode loaded = directory.withChildrenLoaded(true);
    store.put(loaded);
    return loaded;
  }

  public Inode move(Inode inode, Inode newParent, String newName) {
    Inode moved = inode.withLocation(newParent.id(), newName);
    store.put(moved);
    return moved;
  }

  /**
   * Removes an inode and everything below it, children before parents, a page at a time so that a
   * wide folder never sits in memory whole.
   *
   * @return the number of inodes removed
   */
  public long removeSubtree(Inode top) {
    long removed = 0;
    Deque<Long> pending = new ArrayDeque<>();
    pending.push(top.id());
    while (!pending.isEmpty()) {
      long id = pending.peek();
      List<Inode> children = store.listChildren(id, "", REMOVE_PAGE);
      if (children.isEmpty()) {
        store.remove(pending.pop());
        removed++;
        continue;
      }
      for (Inode child : children) {
        if (child.isDirectory() && store.hasChildren(child.id())) {
          pending.push(child.id());
        } else {
          store.remove(child.id());
          removed++;
        }
      }
    }
    return removed;
  }

  public long size() {
    return store.size();
  }
}
