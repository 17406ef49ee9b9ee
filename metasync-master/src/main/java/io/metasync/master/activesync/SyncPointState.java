package io.metasync.master.activesync;

/** What a sync point is doing, as {@code getSyncPathList} shows it. */
public enum SyncPointState {
  /** The first sync of the whole subtree after {@code startSync} is running. */
  INITIAL_SYNC,
  /** Changed paths are being synced now. */
  SYNCING,
  /** Waiting for changes, or for a quiet interval to sync the ones pending. */
  IDLE
}
