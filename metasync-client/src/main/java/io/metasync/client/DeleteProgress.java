package io.metasync.client;

/**
 * How far a delete has come ({@link MetasyncClient#deleteWithProgress}): first the UFS deletes the
 * path, then the master removes the deleted entries from its cache. The last report has {@code
 * done} set.
 *
 * @param ufsEntries entries (files and folders, the path included) deleted in the UFS so far; 0
 *     from a UFS that deletes a tree in one call without a count (HDFS)
 * @param cacheEntries cached entries removed so far; the cache holds only what was loaded, so this
 *     may end below {@code ufsEntries}
 * @param elapsedMs since the delete started
 * @param phaseElapsedMs since the current phase started
 */
public record DeleteProgress(
    Phase phase,
    long ufsEntries,
    long cacheEntries,
    long elapsedMs,
    long phaseElapsedMs,
    boolean done) {
  /** What the delete is doing. */
  public enum Phase {
    /** The UFS deletes the path. */
    UFS,
    /** The master removes the deleted entries from its cache. */
    CACHE
  }
}
