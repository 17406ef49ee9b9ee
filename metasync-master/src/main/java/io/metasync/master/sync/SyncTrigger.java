package io.metasync.master.sync;

/** Why a sync ran, for its log line and metrics. */
public enum SyncTrigger {
  /**
   * A call found the path unsynced or older than its interval (a read, a write's check, a load).
   */
  ON_DEMAND,
  /** Active sync applied a sync point's changes. */
  ACTIVE_SYNC
}
