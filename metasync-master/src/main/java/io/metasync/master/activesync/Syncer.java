package io.metasync.master.activesync;

import io.metasync.common.NamespacePath;
import io.metasync.master.sync.SyncDepth;
import io.metasync.master.sync.SyncStats;

/**
 * What active sync asks of the sync engine ({@code SyncCoordinator::sync}): make the cached {@code
 * path} equal to the UFS to {@code depth}, counting what was listed in {@code stats}.
 */
@FunctionalInterface
interface Syncer {
  /**
   * @throws io.metasync.common.MetasyncException the sync's error; the cache then keeps what it had
   */
  void sync(NamespacePath path, SyncDepth depth, SyncStats stats);
}
