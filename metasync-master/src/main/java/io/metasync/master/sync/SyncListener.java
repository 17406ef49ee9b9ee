package io.metasync.master.sync;

import io.metasync.common.NamespacePath;

/**
 * Told of each sync the {@link SyncCoordinator} runs or joins, on the thread that asked for it; for
 * metrics and logs, so it must be quick and must not throw.
 */
public interface SyncListener {
  /** A request started a sync of its own (it lists or reads the UFS). */
  void syncStarted(NamespacePath path, SyncDepth depth, SyncTrigger trigger);

  /** A request joined a running sync that covers it instead of asking the UFS again. */
  void syncJoined(NamespacePath path, SyncDepth depth, SyncTrigger trigger);

  /** A sync that {@link #syncStarted} reported ended; {@code outcome} says how. */
  void syncFinished(SyncOutcome outcome);
}
