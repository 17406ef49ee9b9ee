package io.metasync.master.lock;

import io.metasync.common.NamespacePath;
import java.util.Map;

/**
 * Locks namespace paths top-down: a path's ancestors are read-locked before the path itself is
 * locked in the requested mode. Locks are taken in {@link NamespacePath} order (ancestors first),
 * also when one call locks several paths, so no two callers can deadlock. Syncs of disjoint
 * subtrees therefore never wait on each other, and a write lock on a folder excludes every reader
 * below it. Lock objects exist only while someone holds or waits for them.
 *
 * <p>TODO(helper): implementation pending.
 */
public final class PathLockManager {
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
    throw new UnsupportedOperationException("pending");
  }
}
