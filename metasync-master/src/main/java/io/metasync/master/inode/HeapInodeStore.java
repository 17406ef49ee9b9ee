package io.metasync.master.inode;

import static io.metasync.common.Preconditions.checkArgument;
import static io.metasync.common.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Inodes on the Java heap: a hash map by id, and per parent a skip list of its children by name, so
 * that a listing page is a range scan that readers may run while writers change the folder.
 *
 * <p>Children map names to the {@link Inode} itself rather than to its id: a listing then needs no
 * second lookup per child, and the only per-inode cost beyond the record is one hash node and one
 * skip-list node. A parent's skip list exists only while it has children.
 *
 * <p>Mutations are serialized by one monitor, because a put or remove touches both maps and the
 * duplicate-name check must see them agree; the journal applies entries one at a time anyway, and
 * each mutation is a few map operations. Reads never take it: they may see a mutation half done (an
 * inode found by id but not yet in its parent's listing), which is within this interface's promise
 * that each call is atomic only on its own, with path locks giving consistency across calls.
 *
 * <p>Names are ordered by {@link String#compareTo}, the order {@code UfsListing} promises, so a
 * sync can merge a UFS listing with the cached children in one pass.
 */
public final class HeapInodeStore implements InodeStore {
  private final ConcurrentHashMap<Long, Inode> inodes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, ConcurrentSkipListMap<String, Inode>> children =
      new ConcurrentHashMap<>();
  private final AtomicLong lastId = new AtomicLong(Inode.ROOT_ID);
  private final Object mutationLock = new Object();

  @Override
  public Optional<Inode> get(long id) {
    return Optional.ofNullable(inodes.get(id));
  }

  @Override
  public Optional<Inode> getChild(long parentId, String name) {
    requireNonNull(name, "name is null");
    ConcurrentSkipListMap<String, Inode> siblings = children.get(parentId);
    return siblings == null ? Optional.empty() : Optional.ofNullable(siblings.get(name));
  }

  @Override
  public List<Inode> listChildren(long parentId, String startAfter, int limit) {
    requireNonNull(startAfter, "startAfter is null");
    checkArgument(limit >= 0, "limit must not be negative: %s", limit);
    ConcurrentSkipListMap<String, Inode> siblings = children.get(parentId);
    if (siblings == null || limit == 0) {
      return List.of();
    }
    List<Inode> page = new ArrayList<>(Math.min(limit, 1024));
    // The skip list's iterators are weakly consistent: safe while writers change the folder, and
    // always in ascending order of name.
    Iterator<Inode> iterator = siblings.tailMap(startAfter, false).values().iterator();
    while (page.size() < limit && iterator.hasNext()) {
      page.add(iterator.next());
    }
    return page;
  }

  @Override
  public boolean hasChildren(long parentId) {
    ConcurrentSkipListMap<String, Inode> siblings = children.get(parentId);
    return siblings != null && !siblings.isEmpty();
  }

  @Override
  public void put(Inode inode) {
    requireNonNull(inode, "inode is null");
    long id = inode.id();
    synchronized (mutationLock) {
      Inode previous = inodes.get(id);
      boolean moved =
          previous == null
              || previous.parentId() != inode.parentId()
              || !previous.name().equals(inode.name());
      if (moved && isIndexed(inode)) {
        ConcurrentSkipListMap<String, Inode> siblings = children.get(inode.parentId());
        Inode taken = siblings == null ? null : siblings.get(inode.name());
        checkState(
            taken == null,
            "cannot put inode %s as '%s' under parent %s: inode %s already has that name",
            id,
            inode.name(),
            inode.parentId(),
            taken == null ? 0 : taken.id());
      }
      if (moved && previous != null) {
        unindex(previous);
      }
      inodes.put(id, inode);
      if (isIndexed(inode)) {
        children
            .computeIfAbsent(inode.parentId(), parent -> new ConcurrentSkipListMap<>())
            .put(inode.name(), inode);
      }
      // Ids put from the journal or a snapshot must never be handed out again.
      lastId.accumulateAndGet(id, Math::max);
    }
  }

  @Override
  public void remove(long id) {
    synchronized (mutationLock) {
      Inode inode = inodes.get(id);
      if (inode == null) {
        // A replayed journal entry may remove an inode twice; the second time has nothing to do.
        return;
      }
      checkState(
          !hasChildren(id), "cannot remove inode %s ('%s'): it has children", id, inode.name());
      unindex(inode);
      inodes.remove(id);
    }
  }

  @Override
  public long allocateId() {
    return lastId.incrementAndGet();
  }

  @Override
  public long size() {
    return inodes.mappingCount();
  }

  @Override
  public void clear() {
    synchronized (mutationLock) {
      inodes.clear();
      children.clear();
    }
  }

  @Override
  public void close() {
    // Nothing to release: the maps go with the store.
  }

  /** The root has no parent, so it is in no child index. */
  private static boolean isIndexed(Inode inode) {
    return inode.parentId() != Inode.NO_PARENT;
  }

  private void unindex(Inode inode) {
    if (!isIndexed(inode)) {
      return;
    }
    ConcurrentSkipListMap<String, Inode> siblings = children.get(inode.parentId());
    if (siblings == null) {
      return;
    }
    siblings.remove(inode.name());
    // Writers are serialized, so no other writer can add to this skip list after the check; a
    // reader still holding it merely sees an empty folder.
    if (siblings.isEmpty()) {
      children.remove(inode.parentId(), siblings);
    }
  }

  /** For tests: how many parents have a child index (empty ones are dropped). */
  int indexedParentCount() {
    return children.size();
  }
}
