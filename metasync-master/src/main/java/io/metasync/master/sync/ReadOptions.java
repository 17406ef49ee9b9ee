package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.LoadType;
import io.metasync.common.SyncInterval;

/** How one call may use the cache: how stale it may be, and when missing paths are loaded. */
public record ReadOptions(SyncInterval interval, LoadType loadType) {
  public ReadOptions {
    requireNonNull(interval, "interval is null");
    requireNonNull(loadType, "loadType is null");
  }
}
