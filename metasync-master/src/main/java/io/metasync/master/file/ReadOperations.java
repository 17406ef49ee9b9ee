package io.metasync.master.file;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.common.PropertyKey;
import io.metasync.master.inode.FolderPages;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeTree;
import io.metasync.master.lock.PathLockManager;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsErrors;
import io.metasync.master.mount.UfsLocation;
import io.metasync.master.sync.OnDemandSync;
import io.metasync.master.sync.ReadOptions;
import io.metasync.master.sync.SyncCoordinator;
import io.metasync.master.sync.SyncDepth;
import io.metasync.master.sync.SyncStats;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** {@code stat}, {@code ls} and {@code open}: answered from the cache after on-demand sync. */
public final class ReadOperations {
  private final InodeTree tree;
  private final MountTable mounts;
  private final FolderPages pages;
  private final OnDemandSync onDemandSync;
  private final SyncCoordinator coordinator;
  private final StatusFactory statuses;

  public ReadOperations(
      InodeTree tree,
      MountTable mounts,
      PathLockManager locks,
      OnDemandSync onDemandSync,
      SyncCoordinator coordinator,
      int pageSize) {
    this.tree = requireNonNull(tree, "tree is null");
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.pages = new FolderPages(tree, requireNonNull(locks, "locks is null"), pageSize);
    this.onDemandSync = requireNonNull(onDemandSync, "onDemandSync is null");
    this.coordinator = requireNonNull(coordinator, "coordinator is null");
    this.statuses = new StatusFactory(mounts, onDemandSync);
  }

  /**
   * @throws MetasyncException NOT_FOUND when the path does not exist; UNAVAILABLE when a needed
   *     sync fails
   */
  public PathStatus getStatus(NamespacePath path, ReadOptions options) {
    Inode inode = onDemandSync.status(path, options).orElseThrow(() -> notFound(path, options));
    return statuses.of(path, inode);
  }

  /**
   * The entries of a folder (or the file itself), in pages; recursively when asked. The path is
   * synced first if the interval says so (the whole subtree for a recursive listing).
   *
   * @throws MetasyncException NOT_FOUND when the path does not exist
   */
  public Iterator<List<PathStatus>> listStatus(
      NamespacePath path, boolean recursive, ReadOptions options) {
    return listStatus(path, recursive, options, folder -> true);
  }

  /**
   * As {@link #listStatus(NamespacePath, boolean, ReadOptions)}; a recursive listing descends only
   * into the folders that {@code mayDescend} accepts (the ones the caller may list).
   */
  public Iterator<List<PathStatus>> listStatus(
      NamespacePath path, boolean recursive, ReadOptions options, Predicate<Inode> mayDescend) {
    onDemandSync.syncIfStale(
        path, recursive ? SyncDepth.SUBTREE : SyncDepth.CHILDREN, options, new SyncStats());
    Inode inode =
        onDemandSync.resolve(path, options.loadType()).orElseThrow(() -> notFound(path, options));
    if (!inode.isDirectory()) {
      return List.of(List.of(statuses.of(path, inode))).iterator();
    }
    return new ListingPages(
        tree,
        pages,
        onDemandSync,
        statuses,
        path,
        new ListingPages.Walk(options.loadType(), recursive, mayDescend));
  }

  /**
   * NOT_FOUND for {@code path}. When a folder's cached listing answered it without asking the UFS
   * (load type ONCE never looks up a new name in a listed folder), the message says so and how to
   * ask the UFS; it still begins {@code PATH does not exist}, which scripts match.
   */
  MetasyncException notFound(NamespacePath path, ReadOptions options) {
    return onDemandSync
        .cachedListingWithout(path, options)
        .map(
            folder ->
                new MetasyncException(
                    ErrorCode.NOT_FOUND,
                    path
                        + " does not exist (the cached listing of "
                        + folder
                        + " has no "
                        + path.ancestor(folder.depth() + 1).name()
                        + "; pass -D"
                        + PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL.key()
                        + "=0 to ask the UFS)"))
        .orElseGet(() -> MetasyncException.notFound(path));
  }

  /**
   * Opens a file after checking its UFS fingerprint against the cache; a file changed behind
   * metasync's back is re-synced first, so the bytes served always agree with the status returned.
   *
   * @throws MetasyncException NOT_FOUND, FAILED_PRECONDITION for a folder, UNAVAILABLE when the UFS
   *     fails
   */
  public OpenedFile open(NamespacePath path, ReadOptions options) {
    return open(path, options, 0);
  }

  /**
   * Opens a file as {@link #open(NamespacePath, ReadOptions)} does, its bytes starting at {@code
   * offset}; an offset at or past the end serves no bytes.
   *
   * @throws MetasyncException INVALID_ARGUMENT for a negative offset, else as {@link
   *     #open(NamespacePath, ReadOptions)}
   */
  public OpenedFile open(NamespacePath path, ReadOptions options, long offset) {
    if (offset < 0) {
      throw MetasyncException.invalidArgument(
          "cannot read " + path + " from offset " + offset + ": offsets start at 0");
    }
    PathStatus cached = getStatus(path, options);
    if (cached.inode().isDirectory()) {
      throw new MetasyncException(ErrorCode.FAILED_PRECONDITION, path + " is a folder, not a file");
    }
    UfsLocation location = mounts.resolve(path);
    PathStatus current = cached;
    try {
      Optional<UfsStatus> inUfs = location.ufs().getStatus(location.ufsPath());
      if (inUfs.isEmpty()
          || cached.inode().fingerprint().compare(inUfs.get().fingerprint())
              != Fingerprint.Change.NONE) {
        coordinator.sync(path, SyncDepth.SELF, new SyncStats());
        Inode resynced = tree.lookup(path).orElseThrow(() -> MetasyncException.notFound(path));
        current = statuses.of(path, resynced);
        if (resynced.isDirectory()) {
          throw new MetasyncException(
              ErrorCode.FAILED_PRECONDITION, path + " is now a folder in the UFS");
        }
      }
      long length = current.inode().length();
      if (offset >= length) {
        return new OpenedFile(current, InputStream.nullInputStream());
      }
      InputStream content = location.ufs().open(location.ufsPath(), offset);
      return new OpenedFile(
          current, new LengthCheckedInputStream(content, length - offset, path.toString()));
    } catch (IOException e) {
      throw UfsErrors.translate(e, location);
    }
  }
}
