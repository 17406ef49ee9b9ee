package io.metasync.master.activesync;

/** What a sync point is doing, as {@code getSyncPathList} shows it. */
public enum SyncPointState {
  /** The first sync of the whole subtree after {@code startSync} is running. */
  INITIAL_SYNC,
  /** Changed paths are being synced now. */
  SYNCING,
  /** Waiting for changes, or for a quiet interval to sync the ones pending. */
  IDLE,
  /**
   * Its change feed cannot be read, opened or made to watch it: changes are not seen until it
   * answers again, and then the whole sync point is synced.
   */
  FEED_FAILING,
  /** Its last sync failed (the UFS did not answer, say); it is retried at the next interval. */
  SYNC_FAILING
}
