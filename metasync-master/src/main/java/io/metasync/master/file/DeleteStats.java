package io.metasync.master.file;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Running counts of one delete, read by whoever reports its progress while it runs. Thread-safe:
 * the UFS and the journal's apply thread count, a reporter thread reads.
 */
public final class DeleteStats {
  /** What a delete is doing: first the UFS deletes, then the cache drops the deleted inodes. */
  public enum Phase {
    UFS,
    CACHE
  }

  /** A phase and when it started ({@code -1} before the delete reached it). */
  public record PhaseStart(Phase phase, long startMs) {
    public PhaseStart {
      requireNonNull(phase, "phase is null");
    }
  }

  private final AtomicLong ufsEntries = new AtomicLong();
  private final AtomicLong cacheEntries = new AtomicLong();
  private volatile PhaseStart phase = new PhaseStart(Phase.UFS, -1);

  void enter(Phase phase, long nowMs) {
    this.phase = new PhaseStart(phase, nowMs);
  }

  void ufsDeleted(long entries) {
    ufsEntries.addAndGet(entries);
  }

  void cacheRemoved(long inodes) {
    cacheEntries.addAndGet(inodes);
  }

  public PhaseStart phase() {
    return phase;
  }

  /** Entries the UFS reported deleted; 0 from a UFS that does not count. */
  public long ufsEntries() {
    return ufsEntries.get();
  }

  /** Cached inodes removed. */
  public long cacheEntries() {
    return cacheEntries.get();
  }
}
