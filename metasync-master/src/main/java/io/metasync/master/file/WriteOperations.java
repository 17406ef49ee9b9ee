package io.metasync.master.file;

import static java.util.Objects.requireNonNull;

import io.metasync.common.CreateOptions;
import io.metasync.common.ErrorCode;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.ClientCalls;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeChanges;
import io.metasync.master.inode.InodeTree;
import io.metasync.master.lock.LockMode;
import io.metasync.master.lock.LockedPaths;
import io.metasync.master.lock.PathLockManager;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsErrors;
import io.metasync.master.mount.UfsLocation;
import io.metasync.master.sync.OnDemandSync;
import io.metasync.master.sync.PathFreshness;
import io.metasync.master.sync.SyncCoordinator;
import io.metasync.master.sync.SyncDepth;
import io.metasync.master.sync.SyncStats;
import io.metasync.ufs.UfsStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes through metasync: each does the UFS operation, then updates the cache under the same write
 * lock on the written path (a folder's children merge write-locks the folder, which excludes it),
 * so a client that only uses metasync never needs a sync, and a sync never interleaves with a write
 * (invariant 3). Missing paths are looked up in the UFS (load type ONCE at least) so a write never
 * trusts a cache that never saw the UFS.
 */
public final class WriteOperations {
  private static final Logger LOG = LoggerFactory.getLogger(WriteOperations.class);

  private final InodeTree tree;
  private final MountTable mounts;
  private final PathLockManager locks;
  private final OnDemandSync onDemandSync;
  private final SyncCoordinator coordinator;
  private final PathFreshness freshness;
  private final Clock clock;
  private final StatusFactory statuses;
  private final WriteGuard guard;
  private final HadoopRenameRules hadoopRenameRules;

  public WriteOperations(
      InodeTree tree,
      MountTable mounts,
      PathLockManager locks,
      OnDemandSync onDemandSync,
      SyncCoordinator coordinator,
      PathFreshness freshness,
      Clock clock) {
    this.tree = requireNonNull(tree, "tree is null");
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.locks = requireNonNull(locks, "locks is null");
    this.onDemandSync = requireNonNull(onDemandSync, "onDemandSync is null");
    this.coordinator = requireNonNull(coordinator, "coordinator is null");
    this.freshness = requireNonNull(freshness, "freshness is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.statuses = new StatusFactory(mounts, onDemandSync);
    this.guard = new WriteGuard(tree, mounts);
    this.hadoopRenameRules = new HadoopRenameRules(this::lookup);
  }

  private Optional<Inode> lookup(NamespacePath path) {
    return onDemandSync.resolve(path, LoadType.ONCE);
  }

  /**
   * Creates a folder, and with {@code parents} its missing ancestors; with {@code parents} an
   * existing folder is no error.
   *
   * @throws MetasyncException ALREADY_EXISTS, NOT_FOUND (missing parent), PERMISSION_DENIED
   *     (read-only), INVALID_ARGUMENT (too long for the UFS: then nothing is created)
   */
  public PathStatus createDirectory(NamespacePath path, boolean parents, Creator creator) {
    UfsLocation location = checkPathLength(path);
    Optional<Inode> existing = lookup(path);
    if (existing.isPresent()) {
      // a retry may find the folder that its first attempt made on a master that then died
      if ((parents || ClientCalls.isRetry()) && existing.get().isDirectory()) {
        return statuses.of(path, existing.get());
      }
      throw MetasyncException.alreadyExists(path);
    }
    Optional<Inode> parent = lookup(path.parent());
    if (parents && parent.isEmpty()) {
      createDirectory(path.parent(), true, creator);
      parent = lookup(path.parent());
    }
    WriteGuard.requireDirectory(parent, path, "create");
    guard.requireWritable(path, location);
    long startMs = clock.millis();
    try (LockedPaths ignored = locks.lock(path, LockMode.WRITE)) {
      Inode folder = WriteGuard.requireDirectory(tree.lookup(path.parent()), path, "create");
      UfsStatus made = location.ufs().mkdir(location.ufsPath(), creator.directoryMode());
      UfsStatus status = giveToCreator(location, made, creator);
      // A folder created here is empty: its children are known.
      Inode created = tree.newChild(folder, path.name(), status).withChildrenLoaded(true);
      InodeChanges changes =
          new InodeChanges().put(created).folderSynced(path, created, startMs, false);
      guard.touchDirectory(path.parent(), made.lastModifiedMs(), changes);
      tree.commit(changes.calledBy(ClientCalls.current()));
      freshness.written(path, SyncDepth.CHILDREN, startMs);
      return statuses.of(path, created);
    } catch (FileAlreadyExistsException e) {
      // The cache had not seen it yet: take it in, then answer as if it had. A retried call may
      // find the folder its own first attempt made on a master that died before journaling it.
      coordinator.sync(path, SyncDepth.SELF, new SyncStats());
      Optional<Inode> found = tree.lookup(path);
      if ((parents || ClientCalls.isRetry()) && found.isPresent() && found.get().isDirectory()) {
        return statuses.of(path, found.get());
      }
      throw MetasyncException.alreadyExists(path);
    } catch (IOException e) {
      throw UfsErrors.translate(e, location);
    }
  }

  /**
   * Refuses a path too long for its UFS before anything asks the UFS, so that {@code mkdir -p}
   * creates no ancestor of a path whose last folder the UFS would refuse.
   */
  private UfsLocation checkPathLength(NamespacePath path) {
    UfsLocation location = mounts.resolve(path);
    try {
      location.ufs().checkPathLength(location.ufsPath());
    } catch (IOException e) {
      throw UfsErrors.translate(e, location);
    }
    return location;
  }

  /**
   * Starts creating a file: checks, then creates it in the UFS. The bytes go to the returned {@link
   * FileCreation}, which puts the file in the cache when complete. {@code options} say whether
   * missing parents are created first and whether an existing file is replaced: deleted in the UFS
   * under the path's write lock, right before the new one is created; its inode stays until the new
   * file completes (or is removed if it aborts), so readers never see the path absent.
   *
   * @throws MetasyncException ALREADY_EXISTS (a file, unless replaced; always a folder), NOT_FOUND
   *     (missing parent), FAILED_PRECONDITION (a parent is a file), PERMISSION_DENIED (read-only)
   */
  public FileCreation createFile(NamespacePath path, Creator creator, CreateOptions options) {
    UfsLocation location = checkPathLength(path);
    boolean replace = options.existing() == CreateOptions.ExistingEntry.REPLACE_FILE;
    Optional<Inode> existing = lookup(path);
    if (existing.isPresent() && (!replace || existing.get().isDirectory())) {
      throw ClientCalls.isRetry() && !existing.get().isDirectory()
          ? retryFoundFile(path)
          : alreadyExists(path, existing.get());
    }
    Optional<Inode> parent = lookup(path.parent());
    if (options.missingParents() == CreateOptions.MissingParents.CREATE && parent.isEmpty()) {
      createDirectory(path.parent(), true, creator);
      parent = lookup(path.parent());
    }
    WriteGuard.requireDirectory(parent, path, "create");
    guard.requireWritable(path, location);
    try (LockedPaths ignored = locks.lock(path, LockMode.WRITE)) {
      WriteGuard.requireDirectory(tree.lookup(path.parent()), path, "create");
      Optional<Inode> locked = tree.lookup(path);
      if (locked.isPresent()) {
        if (!replace || locked.get().isDirectory()) {
          throw alreadyExists(path, locked.get());
        }
        location.ufs().delete(location.ufsPath(), false);
      }
      return new FileCreation(
          path,
          location,
          location.ufs().create(location.ufsPath(), creator.fileMode()),
          (created, at, written) -> completeCreation(created, at, written, creator));
    } catch (FileAlreadyExistsException e) {
      coordinator.sync(path, SyncDepth.SELF, new SyncStats());
      throw ClientCalls.isRetry() ? retryFoundFile(path) : MetasyncException.alreadyExists(path);
    } catch (IOException e) {
      throw UfsErrors.translate(e, location);
    }
  }

  /**
   * A retried file write that finds a file: its first attempt, on a master that died before
   * journaling it, may have written it, or another writer did. Replacing it could destroy another
   * writer's file, so the retry says what it may be instead.
   */
  private static MetasyncException retryFoundFile(NamespacePath path) {
    return new MetasyncException(
        ErrorCode.ALREADY_EXISTS,
        path
            + " already exists: the first attempt of this write, on a master that failed over,"
            + " may have written it before it died; check it, remove it if it is an incomplete"
            + " copy, and write again");
  }

  private static MetasyncException alreadyExists(NamespacePath path, Inode existing) {
    return existing.isDirectory()
        ? new MetasyncException(
            ErrorCode.ALREADY_EXISTS, "cannot create the file " + path + ": it is a folder")
        : MetasyncException.alreadyExists(path);
  }

  /**
   * Called by {@link FileCreation}: takes the finished file, whose status the UFS gave ({@code
   * written}), in; when {@code written} is empty the file was aborted, and is removed.
   */
  private PathStatus completeCreation(
      NamespacePath path, UfsLocation location, Optional<UfsStatus> written, Creator creator) {
    long startMs = clock.millis();
    try (LockedPaths ignored = locks.lock(path, LockMode.WRITE)) {
      Optional<Inode> parent = tree.lookup(path.parent());
      Optional<Inode> cached = tree.lookup(path);
      if (written.isEmpty()) {
        InodeChanges changes = new InodeChanges();
        cached.ifPresent(changes::removeSubtree);
        guard.touchDirectory(path.parent(), startMs, changes);
        tree.commit(changes); // an aborted file: a retry of the call must still write it
        return null;
      }
      UfsStatus status = giveToCreator(location, written.get(), creator);
      Inode parentInode = WriteGuard.requireDirectory(parent, path, "create");
      // A sync of the folder may have taken the file in while its bytes were being written.
      Inode inode =
          cached.isPresent()
              ? cached.get().withUfsStatus(status)
              : tree.newChild(parentInode, path.name(), status);
      InodeChanges changes = new InodeChanges().put(inode);
      guard.touchDirectory(path.parent(), written.get().lastModifiedMs(), changes);
      tree.commit(changes.calledBy(ClientCalls.current()));
      freshness.written(path, SyncDepth.SELF, startMs);
      return statuses.of(path, inode);
    }
  }

  /**
   * Deletes a file or folder in the UFS and the cache.
   *
   * @throws MetasyncException NOT_FOUND; FAILED_PRECONDITION for a non-empty folder without {@code
   *     recursive}, a mount point or a folder holding one
   */
  public void delete(NamespacePath path, boolean recursive) {
    delete(path, recursive, new DeleteStats());
  }

  /**
   * As {@link #delete(NamespacePath, boolean)}, counting in {@code stats} as it goes: the entries
   * the UFS deletes (if it counts them), then the inodes removed from the cache.
   */
  public void delete(NamespacePath path, boolean recursive, DeleteStats stats) {
    guard.checkNotMountRelated(path, "delete");
    if (lookup(path).isEmpty()) {
      if (ClientCalls.isRetry()) {
        return; // its first attempt deleted it, on a master that died before journaling it
      }
      throw MetasyncException.notFound(path);
    }
    UfsLocation location = guard.writableLocation(path);
    try (LockedPaths ignored = locks.lock(path, LockMode.WRITE)) {
      Inode locked = tree.lookup(path).orElseThrow(() -> MetasyncException.notFound(path));
      if (locked.isDirectory() && !recursive && tree.hasChildren(locked)) {
        throw MetasyncException.failedPrecondition(path + " is not empty (use rm -R to delete it)");
      }
      try {
        stats.enter(DeleteStats.Phase.UFS, clock.millis());
        location.ufs().delete(location.ufsPath(), recursive, stats::ufsDeleted);
      } catch (FileNotFoundException e) {
        // Gone from the UFS already: the cache learns it, and the caller hears the truth.
        tree.commit(
            new InodeChanges()
                .removeSubtree(locked)
                .forgetSyncTimes(path)
                .calledBy(ClientCalls.current()));
        forgetRemoved(path);
        if (ClientCalls.isRetry()) {
          return; // the first attempt deleted it, on a master that died before journaling it
        }
        throw MetasyncException.notFound(path);
      }
      long deletedMs = clock.millis();
      stats.enter(DeleteStats.Phase.CACHE, deletedMs);
      InodeChanges changes = new InodeChanges().removeSubtree(locked).forgetSyncTimes(path);
      guard.touchDirectory(path.parent(), deletedMs, changes);
      tree.commit(changes.calledBy(ClientCalls.current()), locked, stats::cacheRemoved);
      forgetRemoved(path);
    } catch (IOException e) {
      throw UfsErrors.translate(e, location);
    }
  }

  /**
   * Makes the creator the owner of what it just created ({@code made}), where the UFS lets the
   * master do that (a local folder when the master runs as root and the creator is a user of its
   * host; HDFS when the master's HDFS user is a superuser there): one best-effort call, not
   * re-read, as a {@code chown} of the owner alone changes nothing else that the cache holds. The
   * cache says who owns it, even when that stayed the master's user.
   */
  private static UfsStatus giveToCreator(UfsLocation location, UfsStatus made, Creator creator) {
    if (made.owner().equals(creator.user())) {
      return made;
    }
    try {
      location.ufs().setOwner(location.ufsPath(), creator.user(), null);
    } catch (IOException e) {
      LOG.debug(
          "{} stays owned by {}: the UFS did not let it go to {} ({})",
          location.uri(),
          made.owner(),
          creator.user(),
          e.getMessage());
      return made;
    }
    return WrittenStatus.withOwner(made, creator.user());
  }

  private void forgetRemoved(NamespacePath path) {
    freshness.deleted(path, clock.millis());
  }

  /**
   * Moves {@code source} to {@code destination}, or into it when it is an existing folder. Both
   * must be in the same mount.
   *
   * @throws MetasyncException NOT_FOUND, ALREADY_EXISTS, INVALID_ARGUMENT (across mounts, into
   *     itself)
   */
  public PathStatus rename(NamespacePath source, NamespacePath destination) {
    guard.checkNotMountRelated(source, "move");
    if (ClientCalls.isRetry()) {
      Optional<PathStatus> moved = renamedByFirstAttempt(source, destination);
      if (moved.isPresent()) {
        return moved.get();
      }
    }
    lookup(source).orElseThrow(() -> MetasyncException.notFound(source));
    Optional<Inode> target = lookup(destination);
    if (target.isPresent() && target.get().isDirectory() && !destination.equals(source)) {
      destination = destination.child(source.name());
      target = lookup(destination);
    }
    if (destination.startsWith(source)) {
      throw MetasyncException.invalidArgument(
          "cannot move " + source + " to " + destination + ", inside itself");
    }
    if (target.isPresent() || mounts.isMountPoint(destination)) {
      throw MetasyncException.alreadyExists(destination);
    }
    WriteGuard.requireDirectory(lookup(destination.parent()), destination, "move to");
    UfsLocation from = guard.writableLocation(source);
    UfsLocation to = guard.writableLocation(destination);
    if (!from.mount().path().equals(to.mount().path())) {
      throw MetasyncException.invalidArgument(
          "cannot move "
              + source
              + " (mount "
              + from.mount().path()
              + ") to "
              + destination
              + " (mount "
              + to.mount().path()
              + "): a move stays within one mount; copy instead");
    }
    return renameLocked(source, destination, from, to);
  }

  /**
   * Renames under Hadoop {@code FileSystem.rename}'s rules ({@link HadoopRenameRules}), in one
   * call: what Hadoop answers with {@code false} is a refusal in the outcome, not an error, whether
   * the cache said so first or the rename found it under its locks.
   *
   * @throws MetasyncException as {@link #rename} does for what Hadoop raises too: across mounts, a
   *     mount point, a refused permission, a failing UFS
   */
  public RenameOutcome renameAsHadoop(NamespacePath source, NamespacePath destination) {
    HadoopRenameRules.Decision decision = hadoopRenameRules.decide(source, destination);
    if (decision.destination().isEmpty()) {
      return RenameOutcome.refused(decision.refusal());
    }
    NamespacePath target = decision.destination().get();
    if (target.equals(source)) {
      Inode file = lookup(source).orElseThrow(() -> MetasyncException.notFound(source));
      return RenameOutcome.renamed(statuses.of(source, file));
    }
    try {
      return RenameOutcome.renamed(rename(source, target));
    } catch (MetasyncException e) {
      // changed between the decision and the locks: Hadoop's false, as HDFS answers such a race
      if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.ALREADY_EXISTS) {
        return RenameOutcome.refused(e.getMessage());
      }
      throw e;
    }
  }

  private PathStatus renameLocked(
      NamespacePath source, NamespacePath destination, UfsLocation from, UfsLocation to) {
    try (LockedPaths ignored =
        locks.lock(Map.of(source, LockMode.WRITE, destination, LockMode.WRITE))) {
      Inode inode = tree.lookup(source).orElseThrow(() -> MetasyncException.notFound(source));
      Inode newParent =
          WriteGuard.requireDirectory(tree.lookup(destination.parent()), destination, "move to");
      if (tree.lookup(destination).isPresent()) {
        throw MetasyncException.alreadyExists(destination);
      }
      from.ufs().rename(from.ufsPath(), to.ufsPath());
      long renamedMs = clock.millis();
      // A rename changes the entry's name, not its own metadata (POSIX and HDFS keep its times).
      Inode moved = inode.withLocation(newParent.id(), destination.name());
      InodeChanges changes =
          new InodeChanges().put(moved).forgetSyncTimes(source).forgetSyncTimes(destination);
      guard.touchDirectory(source.parent(), renamedMs, changes);
      if (!destination.parent().equals(source.parent())) {
        guard.touchDirectory(destination.parent(), renamedMs, changes);
      }
      tree.commit(changes.calledBy(ClientCalls.current()));
      freshness.forgetSubtree(destination);
      freshness.deleted(source, clock.millis());
      return statuses.of(destination, moved);
    } catch (FileAlreadyExistsException e) {
      coordinator.sync(destination, SyncDepth.SELF, new SyncStats());
      throw MetasyncException.alreadyExists(destination);
    } catch (IOException e) {
      throw UfsErrors.translate(e, from);
    }
  }

  /**
   * Whether a retried rename's first attempt moved {@code source}, on a master that died before
   * journaling the move: the UFS has the destination and no longer the source. The cache takes both
   * paths in from the UFS (two status calls, on retries only), and the retry answers as the first
   * attempt would have.
   */
  private Optional<PathStatus> renamedByFirstAttempt(
      NamespacePath source, NamespacePath destination) {
    coordinator.sync(source, SyncDepth.SELF, new SyncStats());
    coordinator.sync(destination, SyncDepth.SELF, new SyncStats());
    Optional<Inode> moved = tree.lookup(destination);
    if (tree.lookup(source).isPresent() || moved.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(statuses.of(destination, moved.get()));
  }

  /**
   * Sets mode and/or owner and group (null leaves one as it is) in the UFS and the cache.
   *
   * @throws MetasyncException NOT_FOUND, PERMISSION_DENIED (read-only mount or refused by the UFS)
   */
  public PathStatus setAttributes(NamespacePath path, Integer mode, String owner, String group) {
    lookup(path).orElseThrow(() -> MetasyncException.notFound(path));
    UfsLocation location = guard.writableLocation(path);
    try (LockedPaths ignored = locks.lock(path, LockMode.WRITE)) {
      Inode inode = tree.lookup(path).orElseThrow(() -> MetasyncException.notFound(path));
      if (mode != null) {
        location.ufs().setMode(location.ufsPath(), mode);
      }
      if (owner != null || group != null) {
        location.ufs().setOwner(location.ufsPath(), owner, group);
      }
      UfsStatus status =
          mode != null && (mode & ~0777) != 0
              // a UFS may drop the bits above 0777 (a local folder does): ask what it kept
              ? location
                  .ufs()
                  .getStatus(location.ufsPath())
                  .orElseThrow(() -> WriteGuard.vanishedAfterWrite(location))
              : WrittenStatus.withAttributes(WrittenStatus.of(inode), mode, owner, group);
      Inode updated = inode.withUfsStatus(status);
      tree.commit(new InodeChanges().put(updated).calledBy(ClientCalls.current()));
      return statuses.of(path, updated);
    } catch (IOException e) {
      throw UfsErrors.translate(e, location);
    }
  }
}
