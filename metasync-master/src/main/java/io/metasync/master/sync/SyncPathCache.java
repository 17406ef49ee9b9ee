package io.metasync.master.sync;

import io.metasync.common.NamespacePath;

/**
 * When each path was last synced, and how deep. Times are the <em>start</em> times of syncs, so a
 * change made in the UFS while a sync ran is never taken as seen. Bounded: the least recently
 * recorded entries are forgotten past the capacity, and a forgotten path merely syncs again.
 *
 * <p>TODO(helper): implementation pending.
 */
public final class SyncPathCache {
  public SyncPathCache(int capacity) {}

  /**
   * Records that a sync of {@code path} at {@code depth} started at {@code startMs}; keeps the
   * later time.
   */
  public void recordSynced(NamespacePath path, SyncDepth depth, long startMs) {
    throw new UnsupportedOperationException("pending");
  }

  /**
   * When {@code path} was last synced to at least {@code depth}, or 0 when unknown: the latest of
   * its own record at that depth or deeper, its parent's CHILDREN-or-deeper record (only when
   * {@code depth} is SELF), and any ancestor's SUBTREE record.
   */
  public long lastSynced(NamespacePath path, SyncDepth depth) {
    throw new UnsupportedOperationException("pending");
  }

  /**
   * Marks {@code path} unsynced after a failure, so the next call retries: clears its own record,
   * its parent's CHILDREN record and every ancestor's SUBTREE record.
   */
  public void invalidate(NamespacePath path) {
    throw new UnsupportedOperationException("pending");
  }

  /** Forgets {@code path} and everything below it (after an unmount or delete). */
  public void forgetSubtree(NamespacePath path) {
    throw new UnsupportedOperationException("pending");
  }
}
