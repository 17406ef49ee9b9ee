package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.LoadType;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeTree;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The read side of on-demand sync: decides from a call's {@link ReadOptions} whether a path must be
 * synced before it is answered from the cache, and looks paths up with the load-type rules. Nothing
 * is locked for writing when the cache is fresh enough.
 */
public final class OnDemandSync {
  private final InodeTree tree;
  private final SyncCoordinator coordinator;
  private final PathFreshness freshness;
  private final Clock clock;

  public OnDemandSync(
      InodeTree tree, SyncCoordinator coordinator, PathFreshness freshness, Clock clock) {
    this.tree = requireNonNull(tree, "tree is null");
    this.coordinator = requireNonNull(coordinator, "coordinator is null");
    this.freshness = requireNonNull(freshness, "freshness is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Syncs {@code path} to {@code depth} if the interval says it is stale.
   *
   * @return whether a sync ran
   */
  public boolean syncIfStale(
      NamespacePath path, SyncDepth depth, ReadOptions options, SyncStats stats) {
    if (options.interval().isNever()) {
      return false;
    }
    if (!options.interval().isStale(freshness.confirmedAt(path, depth), clock.millis())) {
      return false;
    }
    coordinator.sync(path, depth, stats);
    return true;
  }

  /**
   * The cached inode at {@code path}, after {@link #syncIfStale} at SELF depth and loading per load
   * type.
   */
  public Optional<Inode> status(NamespacePath path, ReadOptions options) {
    syncIfStale(path, SyncDepth.SELF, options, new SyncStats());
    return resolve(path, options.loadType());
  }

  /**
   * Looks {@code path} up in the cache; a missing component is looked up in the UFS when the load
   * type says so: ALWAYS every time, ONCE unless its folder's children were loaded or it is known
   * absent.
   */
  public Optional<Inode> resolve(NamespacePath path, LoadType loadType) {
    Inode current = tree.root();
    for (int depth = 1; depth <= path.depth(); depth++) {
      if (!current.isDirectory()) {
        return Optional.empty();
      }
      NamespacePath componentPath = path.ancestor(depth);
      Optional<Inode> child = tree.child(current, componentPath.name());
      if (child.isEmpty() && shouldLoad(componentPath, current, loadType)) {
        coordinator.sync(componentPath, SyncDepth.SELF, new SyncStats());
        child = tree.child(current, componentPath.name());
      }
      if (child.isEmpty()) {
        return Optional.empty();
      }
      current = child.get();
    }
    return Optional.of(current);
  }

  /**
   * The folder whose cached listing answered that {@code path} does not exist without asking the
   * UFS: with interval -1 and load type ONCE or NEVER, a folder whose children were loaded is not
   * asked for a name it lacks. Empty when {@code path} exists, when the UFS was or may have been
   * asked (another interval, load type ALWAYS), or when no listing of the folder is cached.
   */
  public Optional<NamespacePath> cachedListingWithout(NamespacePath path, ReadOptions options) {
    if (!options.interval().isNever() || options.loadType() == LoadType.ALWAYS) {
      return Optional.empty();
    }
    Inode current = tree.root();
    for (int depth = 1; depth <= path.depth(); depth++) {
      if (!current.isDirectory()) {
        return Optional.empty();
      }
      Optional<Inode> child = tree.child(current, path.ancestor(depth).name());
      if (child.isEmpty()) {
        return current.childrenLoaded() ? Optional.of(path.ancestor(depth - 1)) : Optional.empty();
      }
      current = child.get();
    }
    return Optional.empty();
  }

  private boolean shouldLoad(NamespacePath path, Inode parent, LoadType loadType) {
    return switch (loadType) {
      case NEVER -> false;
      case ONCE -> !parent.childrenLoaded() && !freshness.knownAbsent(path);
      case ALWAYS -> true;
    };
  }

  /**
   * Loads a folder's children the first time they are needed (unless the load type is NEVER).
   *
   * @return the folder's inode after loading
   */
  public Inode ensureChildrenLoaded(NamespacePath path, Inode directory, LoadType loadType) {
    if (!directory.isDirectory() || directory.childrenLoaded() || loadType == LoadType.NEVER) {
      return directory;
    }
    coordinator.sync(path, SyncDepth.CHILDREN, new SyncStats());
    return tree.lookup(path).orElse(directory);
  }

  /**
   * Loads, in parallel, every folder from {@code path} down whose children were never loaded
   * (unless the load type is NEVER), descending only into the folders {@code mayDescend} accepts: a
   * first recursive listing or load at interval -1 runs at the speed of a subtree sync, and a
   * folder loaded before is not asked of the UFS again.
   */
  public void loadSubtree(
      NamespacePath path, LoadType loadType, Predicate<Inode> mayDescend, SyncStats stats) {
    if (loadType != LoadType.NEVER) {
      coordinator.load(path, mayDescend, stats);
    }
  }

  /** When the children of {@code folder} were last confirmed together, or 0 when unknown. */
  public long childrenSynced(NamespacePath folder) {
    return freshness.childrenSynced(folder);
  }

  /**
   * As {@link #lastSynced} for a child of a folder whose {@link #childrenSynced} is {@code
   * folderChildrenSynced}.
   */
  public long lastSyncedChild(NamespacePath child, long folderChildrenSynced) {
    return freshness.lastSyncedChild(child, folderChildrenSynced);
  }

  /** When {@code path} was last confirmed against the UFS, or 0 when unknown. */
  public long lastSynced(NamespacePath path) {
    return freshness.lastSynced(path);
  }
}
