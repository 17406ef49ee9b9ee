package io.metasync.common;

/**
 * When a path that the master has not cached is looked up in the UFS, whatever the sync interval.
 */
public enum LoadType {
  /** Never: only what is cached (or synced by the interval rules) exists. */
  NEVER,
  /** Once: a folder's children are loaded the first time they are needed, then kept. */
  ONCE,
  /** Always: a path missing from the cache is looked up in the UFS on every call. */
  ALWAYS
}
