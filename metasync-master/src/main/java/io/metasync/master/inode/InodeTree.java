package io.metasync.master.inode;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.journal.Journal;
import io.metasync.ufs.UfsStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Path-shaped access to the {@link InodeStore}. Reads go to the store; every change is written to
 * the {@link Journal} as {@link InodeChanges}, and is in the store once {@link #commit} returns
 * (the journal applies it). Callers hold the path locks that make a sequence of these calls
 * consistent, and they prepare changes (ids, UFS statuses) before committing, so applying them is
 * deterministic.
 */
public final class InodeTree {
  private final InodeStore store;
  private final Journal journal;
  private final RemovalWatchers removals;
  private final TrashPurger purger;

  /**
   * @param removals the watchers that subtree removals are reported to
   * @param purger removes the subtrees that {@link InodeChanges#removeSubtree} detached
   */
  public InodeTree(
      InodeStore store, Journal journal, RemovalWatchers removals, TrashPurger purger) {
    this.store = requireNonNull(store, "store is null");
    this.journal = requireNonNull(journal, "journal is null");
    this.removals = requireNonNull(removals, "removals is null");
    this.purger = requireNonNull(purger, "purger is null");
  }

  /** Creates the root folder from the root UFS's status if the journal has none yet. */
  public void initializeRoot(UfsStatus rootStatus) {
    if (store.get(Inode.ROOT_ID).isEmpty()) {
      commit(new InodeChanges().put(Inode.fromUfs(Inode.ROOT_ID, Inode.NO_PARENT, "", rootStatus)));
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

  /** A new inode for a UFS entry, with a fresh id; not in the store until committed. */
  public Inode newChild(Inode parent, String name, UfsStatus status) {
    return Inode.fromUfs(store.allocateId(), parent.id(), name, status);
  }

  /** Writes {@code changes} to the journal; they are applied to the store when this returns. */
  public void commit(InodeChanges changes) {
    if (!changes.isEmpty()) {
      boolean detaches = changes.detaches();
      journal.write(changes.toEntryAndClear());
      if (detaches) {
        purger.wake();
      }
    }
  }

  /**
   * As {@link #commit(InodeChanges)}, for changes that remove the subtree of {@code top}, and waits
   * until the trash purger removed what they detached: {@code removed} is passed the number of
   * inodes removed, page by page.
   */
  public void commit(InodeChanges changes, Inode top, LongConsumer removed) {
    try (RemovalWatchers.Watch ignored = removals.watch(top.id(), removed)) {
      commit(changes);
      purger.awaitPurged(top.id());
    } catch (InterruptedException e) {
      // The subtree is out of the namespace already: only the count is cut short.
      Thread.currentThread().interrupt();
    }
  }

  /** Something outside {@link #commit} detached a subtree into the trash (an unmount). */
  public void purgeTrash() {
    purger.wake();
  }

  public Inode addChild(Inode parent, String name, UfsStatus status) {
    Inode inode = newChild(parent, name, status);
    commit(new InodeChanges().put(inode));
    return inode;
  }

  public Inode update(Inode inode, UfsStatus status) {
    Inode updated = inode.withUfsStatus(status);
    commit(new InodeChanges().put(updated));
    return updated;
  }

  public void removeSubtree(Inode top) {
    commit(new InodeChanges().removeSubtree(top));
  }

  public long size() {
    return store.size();
  }
}
