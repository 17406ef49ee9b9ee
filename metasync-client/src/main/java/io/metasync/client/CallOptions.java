package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.metasync.common.LoadType;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.PropertyKey;
import io.metasync.common.SyncInterval;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How stale an answer to one call may be: the sync interval ({@code -1} never ask the UFS, {@code
 * 0} always, otherwise only if the path was not synced within it) and the load type for paths the
 * master has never cached.
 *
 * <p>{@code ownSettings} are the keys ({@code metasync.user.file.metadata.sync.interval}, {@code
 * .load.type}) that the caller set itself: only those are sent with a call. For the others the
 * master uses the path configuration of the path (fs pathConf), else its own default; the values
 * here are then only what a caller that sets nothing would assume.
 */
public record CallOptions(
    SyncInterval syncInterval, LoadType loadType, Set<PropertyKey> ownSettings) {
  public CallOptions {
    requireNonNull(syncInterval, "syncInterval is null");
    requireNonNull(loadType, "loadType is null");
    ownSettings = Set.copyOf(ownSettings);
  }

  /** Options that set both the sync interval and the load type, whatever a path configures. */
  public CallOptions(SyncInterval syncInterval, LoadType loadType) {
    this(
        syncInterval,
        loadType,
        Set.of(
            PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL,
            PropertyKey.USER_FILE_METADATA_LOAD_TYPE));
  }

  /**
   * The user defaults of a configuration: {@code metasync.user.file.metadata.sync.interval} and
   * {@code metasync.user.file.metadata.load.type}, each the call's own only when the configuration
   * sets it (by file or {@code -D}).
   */
  public static CallOptions from(MetasyncConfiguration conf) {
    Set<PropertyKey> own = new HashSet<>();
    for (PropertyKey key :
        List.of(
            PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL,
            PropertyKey.USER_FILE_METADATA_LOAD_TYPE)) {
      if (conf.isSet(key)) {
        own.add(key);
      }
    }
    return new CallOptions(
        conf.getSyncInterval(PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL),
        conf.getLoadType(PropertyKey.USER_FILE_METADATA_LOAD_TYPE),
        own);
  }

  /** These options with the call's own {@code syncInterval}. */
  public CallOptions withSyncInterval(SyncInterval syncInterval) {
    Set<PropertyKey> own = new HashSet<>(ownSettings);
    own.add(PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL);
    return new CallOptions(syncInterval, loadType, own);
  }

  /** Whether the call sends {@code key} (a key of these options) itself. */
  public boolean sets(PropertyKey key) {
    return ownSettings.contains(key);
  }
}
