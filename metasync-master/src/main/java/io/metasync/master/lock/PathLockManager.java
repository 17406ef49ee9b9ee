package io.metasync.master.lock;

import static io.metasync.common.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Locks namespace paths top-down: a path's ancestors are read-locked before the path itself is
 * locked in the requested mode. Locks are taken in {@link NamespacePath} order (ancestors first),
 * also when one call locks several paths, so no two callers can deadlock. Syncs of disjoint
 * subtrees therefore never wait on each other, and a write lock on a folder excludes every reader
 * below it. Lock objects exist only while someone holds or waits for them.
 *
 * <p>The locks are reentrant per thread: a thread that holds a path may lock it or a path below it
 * again (a read under its own write is allowed). It may not upgrade a read it holds to a write,
 * which would wait on itself forever; that is refused with an {@link IllegalStateException}. {@link
 * LockedPaths#close} must run on the thread that locked.
 */
public final class PathLockManager {
  private final ConcurrentHashMap<NamespacePath, PathLock> locks = new ConcurrentHashMap<>();

  /** Read-locks the ancestors of {@code path} and locks {@code path} in {@code mode}. */
  public LockedPaths lock(NamespacePath path, LockMode mode) {
    return lock(Map.of(path, mode));
  }

  /**
   * Locks several targets at once (a rename locks both parents): every ancestor of every target for
   * reading, each target in its mode (a path that is both an ancestor and a WRITE target is
   * write-locked), all in path order.
   */
  public LockedPaths lock(Map<NamespacePath, LockMode> targets) {
    requireNonNull(targets, "targets is null");
    // The sorted plan is what makes several callers deadlock-free: everyone acquires in one order.
    TreeMap<NamespacePath, LockMode> plan = new TreeMap<>();
    targets.forEach(
        (path, mode) -> {
          requireNonNull(path, "path is null");
          requireNonNull(mode, "mode is null");
          for (int depth = 0; depth < path.depth(); depth++) {
            plan.merge(path.ancestor(depth), LockMode.READ, PathLockManager::stronger);
          }
          plan.merge(path, mode, PathLockManager::stronger);
        });
    HeldPaths held = new HeldPaths(plan.size());
    try {
      plan.forEach(held::acquire);
    } catch (RuntimeException | Error e) {
      held.close();
      throw e;
    }
    return held;
  }

  /** For tests: how many paths have a lock object, i.e. are held or awaited. */
  int lockCount() {
    return locks.size();
  }

  private static LockMode stronger(LockMode a, LockMode b) {
    return a == LockMode.WRITE || b == LockMode.WRITE ? LockMode.WRITE : LockMode.READ;
  }

  /** Takes a reference to the path's lock object, creating it for the first holder or waiter. */
  private PathLock reference(NamespacePath path) {
    // compute runs atomically per key, so the count and the map entry always agree.
    return locks.compute(
        path,
        (p, existing) -> {
          PathLock lock = existing == null ? new PathLock() : existing;
          lock.references++;
          return lock;
        });
  }

  /** Drops a reference, removing the lock object with the last one. */
  private void dereference(NamespacePath path) {
    locks.computeIfPresent(path, (p, lock) -> --lock.references == 0 ? null : lock);
  }

  /** One path's lock and how many holders and waiters use it. */
  private static final class PathLock {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** Changed only inside the map's compute functions, which serialize per key. */
    int references;
  }

  /** The locks of one {@link #lock} call, released in reverse order, once. */
  private final class HeldPaths implements LockedPaths {
    private final List<NamespacePath> paths;
    private final List<Lock> acquired;
    private boolean closed;

    HeldPaths(int size) {
      this.paths = new ArrayList<>(size);
      this.acquired = new ArrayList<>(size);
    }

    void acquire(NamespacePath path, LockMode mode) {
      PathLock pathLock = reference(path);
      try {
        ReentrantReadWriteLock lock = pathLock.lock;
        Lock toTake =
            switch (mode) {
              case READ -> lock.readLock();
              case WRITE -> lock.writeLock();
            };
        if (mode == LockMode.WRITE) {
          checkState(
              lock.isWriteLockedByCurrentThread() || lock.getReadHoldCount() == 0,
              "cannot write-lock %s: this thread holds it for reading, and a read lock cannot be"
                  + " upgraded; lock it for writing first",
              path);
        }
        toTake.lock();
        paths.add(path);
        acquired.add(toTake);
      } catch (RuntimeException | Error e) {
        dereference(path);
        throw e;
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      for (int i = acquired.size() - 1; i >= 0; i--) {
        acquired.get(i).unlock();
        dereference(paths.get(i));
      }
    }
  }
}
