package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.metasync.common.LoadType;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.PropertyKey;
import io.metasync.common.SyncInterval;

/**
 * How stale an answer to one call may be: the sync interval ({@code -1} never ask the UFS, {@code
 * 0} always, otherwise only if the path was not synced within it) and the load type for paths the
 * master has never cached.
 */
public record CallOptions(SyncInterval syncInterval, LoadType loadType) {
  public CallOptions {
    requireNonNull(syncInterval, "syncInterval is null");
    requireNonNull(loadType, "loadType is null");
  }

  /**
   * The user defaults of a configuration: {@code metasync.user.file.metadata.sync.interval} and
   * {@code metasync.user.file.metadata.load.type}.
   */
  public static CallOptions from(MetasyncConfiguration conf) {
    return new CallOptions(
        conf.getSyncInterval(PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL),
        conf.getLoadType(PropertyKey.USER_FILE_METADATA_LOAD_TYPE));
  }

  public CallOptions withSyncInterval(SyncInterval syncInterval) {
    return new CallOptions(syncInterval, loadType);
  }
}
