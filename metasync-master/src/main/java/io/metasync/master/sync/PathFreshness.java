package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;

/**
 * How fresh the cache is at each path: the one face over the two records of what a sync confirmed,
 * when a path was last found in the UFS and how deep ({@link SyncPathCache}), and when it was last
 * found missing there ({@link AbsentPathCache}). Times are the start times of the syncs, so a
 * change made in the UFS while a sync ran is never taken as seen.
 */
public final class PathFreshness {
  private final SyncPathCache synced;
  private final AbsentPathCache absent;

  public PathFreshness(SyncPathCache synced, AbsentPathCache absent) {
    this.synced = requireNonNull(synced, "synced is null");
    this.absent = requireNonNull(absent, "absent is null");
  }

  /**
   * When {@code path} was last confirmed against the UFS to {@code depth}, or 0 when never: at SELF
   * depth a check that found it absent confirms it too.
   */
  public long confirmedAt(NamespacePath path, SyncDepth depth) {
    long found = synced.lastSynced(path, depth);
    return depth == SyncDepth.SELF ? Math.max(found, absent.absentSince(path).orElse(0)) : found;
  }

  /** When {@code path} was last found in the UFS (its own entry), or 0 when unknown. */
  public long lastSynced(NamespacePath path) {
    return synced.lastSynced(path, SyncDepth.SELF);
  }

  /**
   * When the children of {@code folder} were last found in the UFS together (its listing, or a
   * subtree sync above it), or 0: what a listing reads once per folder.
   */
  public long childrenSynced(NamespacePath folder) {
    return synced.childrenSynced(folder);
  }

  /**
   * {@link #lastSynced} of {@code child}, given {@link #childrenSynced} of its folder: one lookup
   * instead of one per ancestor.
   */
  public long lastSyncedChild(NamespacePath child, long folderChildrenSynced) {
    return synced.lastSyncedChild(child, folderChildrenSynced);
  }

  /** Whether a check found {@code path} missing in the UFS, and nothing since put it back. */
  public boolean knownAbsent(NamespacePath path) {
    return absent.absentSince(path).isPresent();
  }

  /** A sync of {@code path} to {@code depth} that started at {@code startMs} completed. */
  public void synced(NamespacePath path, SyncDepth depth, long startMs) {
    synced.recordSynced(path, depth, startMs);
  }

  /** A check that started at {@code startMs} found {@code path} missing in the UFS. */
  public void foundAbsent(NamespacePath path, long startMs) {
    absent.recordAbsent(path, startMs);
  }

  /**
   * A sync of {@code path} failed: it and what covered it (its parent's listing, its ancestors'
   * subtree syncs) are no longer taken as fresh, so the next call asks the UFS again.
   */
  public void failed(NamespacePath path) {
    synced.invalidate(path);
  }

  /**
   * The entry at {@code path} left the cache (a sync removed it, or replaced it with one of another
   * type): the sync times of it and of everything below it go along, so a new entry there starts
   * unsynced.
   */
  public void removed(NamespacePath path) {
    synced.forgetSubtree(path);
  }

  /**
   * A write through metasync made {@code path} at {@code startMs}: it is no longer missing, and the
   * cache knows it (to {@code depth}) as of then.
   */
  public void written(NamespacePath path, SyncDepth depth, long startMs) {
    absent.forgetSubtree(path);
    synced.recordSynced(path, depth, startMs);
  }

  /**
   * A delete (or the source of a rename) through metasync removed {@code path} at {@code nowMs}:
   * its sync times go, and it is known missing as of then.
   */
  public void deleted(NamespacePath path, long nowMs) {
    synced.forgetSubtree(path);
    absent.recordAbsent(path, nowMs);
  }

  /**
   * Forgets everything known of {@code path} and below, found or missing (a mount or an unmount
   * there changed which UFS answers for it).
   */
  public void forgetSubtree(NamespacePath path) {
    absent.forgetSubtree(path);
    synced.forgetSubtree(path);
  }
}
