package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.CachedChildren;
import io.metasync.master.inode.FolderPages;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeTree;
import io.metasync.master.lock.LockMode;
import io.metasync.master.lock.LockedPaths;
import io.metasync.master.lock.PathLockManager;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsErrors;
import io.metasync.master.mount.UfsLocation;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NotDirectoryException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the cache equal to the UFS for one path: its own entry ({@link #syncSelf}) or a folder's
 * direct children ({@link #syncChildren}). A folder is merged by walking the sorted UFS listing and
 * the sorted cached children side by side, so memory stays bounded however wide it is. The folder
 * is write-locked for the merge, so no write through metasync can interleave with it (invariant 3).
 * A merge's journal batches are proposed while it goes on ({@link BatchPipeline}) and all applied
 * before the folder is unlocked and marked loaded and synced. A UFS error leaves what is cached in
 * place and marks the path unsynced (invariant 2). A sync only reads the UFS (invariant 1).
 */
public final class PathSyncer {
  private static final Logger LOG = LoggerFactory.getLogger(PathSyncer.class);

  private final InodeTree tree;
  private final MountTable mounts;
  private final PathLockManager locks;
  private final PathFreshness freshness;
  private final Clock clock;
  private final MergeJournal journal;
  private final FolderPages pages;

  /**
   * Child folders a merge remembers for a recursive sync; the rest are read back from the cache.
   */
  static final int REMEMBERED_CHILD_FOLDERS = 1024;

  /** Children read from the cache at a time when a folder had too many subfolders to remember. */
  private static final int CACHED_PAGE_SIZE = 1000;

  /**
   * @param journal journals a merge's batches while the merge goes on, and folders' sync times
   */
  public PathSyncer(
      InodeTree tree,
      MountTable mounts,
      PathLockManager locks,
      PathFreshness freshness,
      Clock clock,
      MergeJournal journal) {
    this.tree = requireNonNull(tree, "tree is null");
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.locks = requireNonNull(locks, "locks is null");
    this.freshness = requireNonNull(freshness, "freshness is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.journal = requireNonNull(journal, "journal is null");
    this.pages = new FolderPages(tree, locks, CACHED_PAGE_SIZE);
  }

  /**
   * Syncs the entry at {@code path} itself (not a folder's children), loading missing ancestors
   * first.
   *
   * @return the cached inode after the sync, empty when the UFS has no such entry
   * @throws MetasyncException UNAVAILABLE when the UFS fails
   */
  public Optional<Inode> syncSelf(NamespacePath path, SyncStats stats) {
    return syncSelf(path, stats, clock.millis());
  }

  /** As {@link #syncSelf(NamespacePath, SyncStats)}, for a sync that started at {@code startMs}. */
  private Optional<Inode> syncSelf(NamespacePath path, SyncStats stats, long startMs) {
    if (path.isRoot()) {
      return Optional.of(syncRoot(stats, startMs));
    }
    NamespacePath parentPath = path.parent();
    Optional<Inode> parent = tree.lookup(parentPath);
    if (parent.isEmpty()) {
      parent = syncSelf(parentPath, stats, startMs);
    }
    if (parent.isEmpty() || !parent.get().isDirectory()) {
      freshness.foundAbsent(path, startMs);
      return Optional.empty();
    }
    Optional<Inode> result;
    try (LockedPaths ignored = locks.lock(path, LockMode.WRITE)) {
      Optional<Inode> lockedParent = tree.lookup(parentPath);
      if (lockedParent.isEmpty() || !lockedParent.get().isDirectory()) {
        result = Optional.empty();
      } else {
        result = syncEntry(lockedParent.get(), path, stats);
      }
    }
    if (result.isPresent()) {
      freshness.synced(path, SyncDepth.SELF, startMs);
    } else {
      freshness.foundAbsent(path, startMs);
    }
    return result;
  }

  private Inode syncRoot(SyncStats stats, long startMs) {
    try (LockedPaths ignored = locks.lock(NamespacePath.ROOT, LockMode.WRITE)) {
      UfsLocation location = mounts.resolve(NamespacePath.ROOT);
      UfsStatus status = mountRootStatus(location, stats);
      stats.entrySeen(true);
      Inode root = tree.root();
      if (root.fingerprint().compare(status.fingerprint()) != Fingerprint.Change.NONE) {
        root = tree.update(root, status);
        stats.updated();
      }
      freshness.synced(NamespacePath.ROOT, SyncDepth.SELF, startMs);
      return root;
    }
  }

  private Optional<Inode> syncEntry(Inode parent, NamespacePath path, SyncStats stats) {
    UfsLocation location = mounts.resolve(path);
    Optional<Inode> cached = tree.child(parent, path.name());
    if (location.isMountPoint()) {
      UfsStatus status = mountRootStatus(location, stats);
      stats.entrySeen(true);
      return Optional.of(applyNow(parent, path, cached.orElse(null), status, stats));
    }
    Optional<UfsStatus> status;
    try {
      stats.ufsCalled();
      status = location.ufs().getStatus(location.ufsPath());
    } catch (IOException e) {
      freshness.failed(path);
      throw UfsErrors.translate(e, location);
    }
    if (status.isEmpty()) {
      if (cached.isPresent()) {
        ChangeBatch changes = new ChangeBatch();
        removeCached(path, cached.get(), changes);
        stats.removed();
        tree.commit(changes.toInodeChanges());
      }
      return Optional.empty();
    }
    stats.entrySeen(status.get().isDirectory());
    return Optional.of(applyNow(parent, path, cached.orElse(null), status.get(), stats));
  }

  private Inode applyNow(
      Inode parent, NamespacePath path, Inode cached, UfsStatus status, SyncStats stats) {
    ChangeBatch changes = new ChangeBatch();
    Inode result = apply(parent, path, cached, status, stats, changes);
    tree.commit(changes.toInodeChanges());
    return result;
  }

  private UfsStatus mountRootStatus(UfsLocation location, SyncStats stats) {
    stats.ufsCalled();
    try {
      return location
          .ufs()
          .getStatus("/")
          .orElseThrow(
              () ->
                  new MetasyncException(
                      ErrorCode.UNAVAILABLE,
                      "the UFS folder "
                          + location.mount().ufsUri()
                          + " mounted at "
                          + location.mount().path()
                          + " no longer exists; recreate it or unmount "
                          + location.mount().path()));
    } catch (IOException e) {
      freshness.failed(location.path());
      throw UfsErrors.translate(e, location);
    }
  }

  /**
   * Lists the folder {@code path} in the UFS and merges it into the cached children; with {@code
   * includeSelf} the folder's own entry is synced first (a folder's children listing does not carry
   * the folder's own metadata, which its parent's listing does).
   *
   * @return the child folders (mount points included), for a recursive sync to descend
   * @throws MetasyncException NOT_FOUND when the folder does not exist; UNAVAILABLE when the UFS
   *     fails
   */
  public ChildFolders syncChildren(NamespacePath path, boolean includeSelf, SyncStats stats) {
    long startMs = clock.millis();
    Optional<Inode> existing = tree.lookup(path);
    if (existing.isEmpty() || includeSelf) {
      // One start for the folder's own entry and its children: a listing's time is one time.
      existing = syncSelf(path, stats, startMs);
    }
    if (existing.isEmpty()) {
      throw MetasyncException.notFound(path);
    }
    if (!existing.get().isDirectory()) {
      return ChildFolders.NONE;
    }
    ChildFolderNames childFolders = new ChildFolderNames();
    boolean vanished = false;
    try (LockedPaths ignored = locks.lock(path, LockMode.WRITE)) {
      Optional<Inode> directory = tree.lookup(path);
      if (directory.isEmpty() || !directory.get().isDirectory()) {
        return ChildFolders.NONE;
      }
      UfsLocation location = mounts.resolve(path);
      BatchPipeline batches = journal.newPipeline();
      stats.ufsCalled();
      try (UfsListing listing = location.ufs().list(location.ufsPath())) {
        merge(path, directory.get(), listing, childFolders, stats, batches);
        // Marked loaded, and its sync time journaled, in the last batch, written once all others
        // are applied: no reader ever takes a half-merged folder for a loaded one.
        ChangeBatch last = new ChangeBatch();
        if (!directory.get().childrenLoaded()) {
          last.put(directory.get().withChildrenLoaded(true));
        }
        journal.finish(batches, last, path, directory.get(), startMs);
      } catch (FileNotFoundException | NotDirectoryException e) {
        batches.awaitAllAfter(e);
        vanished = true;
      } catch (IOException e) {
        batches.awaitAllAfter(e);
        freshness.failed(path);
        throw UfsErrors.translate(e, location);
      } catch (RuntimeException e) {
        batches.awaitAllAfter(e);
        freshness.failed(path);
        throw e;
      }
    }
    if (vanished) {
      // The folder was deleted or replaced by a file behind our back: sync the entry itself.
      Optional<Inode> now = syncSelf(path, stats);
      if (now.isEmpty()) {
        throw MetasyncException.notFound(path);
      }
      return ChildFolders.NONE;
    }
    freshness.synced(path, SyncDepth.CHILDREN, startMs);
    return childFolders.toChildFolders();
  }

  /**
   * For a walk that loads only what was never loaded: lists the folder {@code path} in the UFS if
   * its children were never loaded, else leaves it to be read from the cache.
   *
   * @return the child folders to descend into; empty when {@code path} is no cached folder or
   *     {@code mayDescend} refuses it
   * @throws MetasyncException UNAVAILABLE when the UFS fails
   */
  Optional<ChildFolders> loadChildren(
      NamespacePath path, Predicate<Inode> mayDescend, SyncStats stats) {
    Optional<Inode> folder = tree.lookup(path);
    if (folder.isEmpty() || !folder.get().isDirectory() || !mayDescend.test(folder.get())) {
      return Optional.empty();
    }
    if (folder.get().childrenLoaded()) {
      return Optional.of(ChildFolders.ALL_CACHED);
    }
    return Optional.of(syncChildren(path, false, stats));
  }

  /**
   * One page of a folder's cached children, reduced to its folders (mount points included), and the
   * children scanned for it.
   */
  record FolderPage(List<String> folders, String lastScanned, List<Inode> scanned) {}

  /**
   * The cached child folders of {@code path} after {@code startAfter}, from at most a page of
   * children; {@code lastScanned} is where to resume, null at the end.
   */
  FolderPage cachedChildFolders(NamespacePath path, String startAfter) {
    List<Inode> children = pages.after(path, startAfter);
    List<String> folders = new ArrayList<>();
    for (Inode child : children) {
      if (child.isDirectory()) {
        folders.add(child.name());
      }
    }
    String lastScanned =
        children.size() < pages.pageSize() ? null : children.get(children.size() - 1).name();
    return new FolderPage(folders, lastScanned, children);
  }

  /** The first child folders a merge meets, then only the name after which the rest follow. */
  private static final class ChildFolderNames {
    private final List<String> first = new ArrayList<>();
    private String moreAfter;

    void add(String name) {
      if (moreAfter == null && first.size() < REMEMBERED_CHILD_FOLDERS) {
        first.add(name);
      } else if (moreAfter == null) {
        moreAfter = first.get(first.size() - 1);
      }
    }

    ChildFolders toChildFolders() {
      return new ChildFolders(first, moreAfter);
    }
  }

  /**
   * Merges the listing into the cached children, proposing a journal entry every {@code batchSize}
   * changes; the last batch is left in {@code batches}. Pending changes never affect what is read
   * next: the cached children are read by name after the last one read, and changes only touch
   * names already passed. Mount points are left alone: their entries are their UFS folders' roots.
   */
  private void merge(
      NamespacePath path,
      Inode directory,
      UfsListing listing,
      ChildFolderNames childFolders,
      SyncStats stats,
      BatchPipeline batches)
      throws IOException {
    ListingMerge.merge(
        listing,
        new CachedChildren(tree, directory, journal.batchSize()),
        new ListingMerge.Pairs() {
          @Override
          public void ufsOnly(UfsStatus inUfs) {
            both(inUfs, null);
          }

          @Override
          public void both(UfsStatus inUfs, Inode cached) {
            NamespacePath childPath = childPath(path, inUfs.name());
            if (childPath == null) {
              return;
            }
            if (mounts.isMountPoint(childPath)) {
              rememberMountPoint(cached);
              return;
            }
            stats.entrySeen(inUfs.isDirectory());
            apply(directory, childPath, cached, inUfs, stats, batches.current());
            if (inUfs.isDirectory()) {
              childFolders.add(inUfs.name());
            }
          }

          @Override
          public void cachedOnly(Inode cached) {
            if (mounts.isMountPoint(path.child(cached.name()))) {
              rememberMountPoint(cached);
            } else {
              removeCached(path.child(cached.name()), cached, batches.current());
              stats.removed();
            }
          }

          /** A recursive sync goes into a mount point too, as into any child folder. */
          private void rememberMountPoint(Inode cached) {
            if (cached != null && cached.isDirectory()) {
              childFolders.add(cached.name());
            }
          }
        });
  }

  private static NamespacePath childPath(NamespacePath parent, String name) {
    try {
      return parent.child(name);
    } catch (MetasyncException e) {
      LOG.warn(
          "Skipping UFS entry '{}' in {}: its name cannot be a metasync path ({})",
          name,
          parent,
          e.getMessage());
      return null;
    }
  }

  private void removeCached(NamespacePath path, Inode inode, ChangeBatch changes) {
    changes.removeSubtree(inode);
    forgetSyncTimes(path, inode, changes);
  }

  /** A folder deleted or replaced takes its sync times along; a new one there starts unsynced. */
  private void forgetSyncTimes(NamespacePath path, Inode removed, ChangeBatch changes) {
    if (removed.isDirectory()) {
      changes.forgetSyncTimes(path);
    }
    freshness.removed(path);
  }

  /**
   * Records that the recursive sync of {@code top} that started at {@code startMs} completed, here
   * and, when {@code top} is a folder, in the journal.
   *
   * @throws MetasyncException when the journal fails
   */
  void subtreeSynced(NamespacePath top, long startMs) {
    freshness.synced(top, SyncDepth.SUBTREE, startMs);
    Optional<Inode> folder = tree.lookup(top);
    if (folder.isPresent() && folder.get().isDirectory()) {
      journal.subtreeSynced(top, folder.get(), startMs);
    }
  }

  /**
   * Adds to {@code changes} what makes the cached child {@code cached} at {@code path} (null when
   * there is none) match {@code status}; returns the child as it will be.
   */
  private Inode apply(
      Inode parent,
      NamespacePath path,
      Inode cached,
      UfsStatus status,
      SyncStats stats,
      ChangeBatch changes) {
    if (cached == null) {
      stats.added();
      Inode added = tree.newChild(parent, path.name(), status);
      changes.put(added);
      return added;
    }
    if (cached.fingerprint().compare(status.fingerprint()) == Fingerprint.Change.NONE) {
      return cached;
    }
    stats.updated();
    if (cached.type() != status.type()) {
      removeCached(path, cached, changes);
      Inode replaced = tree.newChild(parent, path.name(), status);
      changes.put(replaced);
      return replaced;
    }
    Inode updated = cached.withUfsStatus(status);
    changes.put(updated);
    return updated;
  }
}
