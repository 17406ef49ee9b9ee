package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of a sync, read by whoever reports its progress. Thread-safe. */
public final class SyncStats {
  private final SyncTrigger trigger;
  private final AtomicLong directories = new AtomicLong();
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong added = new AtomicLong();
  private final AtomicLong updated = new AtomicLong();
  private final AtomicLong removed = new AtomicLong();
  private final AtomicLong ufsCalls = new AtomicLong();

  /** Counts of an on-demand sync. */
  public SyncStats() {
    this(SyncTrigger.ON_DEMAND);
  }

  public SyncStats(SyncTrigger trigger) {
    this.trigger = requireNonNull(trigger, "trigger is null");
  }

  /** The counts at one moment; {@link #minus} gives what happened between two of them. */
  public record Counts(
      long directories, long files, long added, long updated, long removed, long ufsCalls) {
    public Counts minus(Counts earlier) {
      return new Counts(
          directories - earlier.directories,
          files - earlier.files,
          added - earlier.added,
          updated - earlier.updated,
          removed - earlier.removed,
          ufsCalls - earlier.ufsCalls);
    }

    /** UFS entries listed or read. */
    public long listed() {
      return directories + files;
    }
  }

  public SyncTrigger trigger() {
    return trigger;
  }

  void entrySeen(boolean directory) {
    (directory ? directories : files).incrementAndGet();
  }

  /** Counts an entry found in the cache by a walk that loads what is missing. */
  public void entryLoaded(boolean directory) {
    entrySeen(directory);
  }

  void added() {
    added.incrementAndGet();
  }

  void updated() {
    updated.incrementAndGet();
  }

  void removed() {
    removed.incrementAndGet();
  }

  /** One UFS status read or listing opened. */
  void ufsCalled() {
    ufsCalls.incrementAndGet();
  }

  /** Adds the counts of {@code other}: a sync that this one joined instead of listing again. */
  void add(SyncStats other) {
    Counts counts = other.counts();
    directories.addAndGet(counts.directories());
    files.addAndGet(counts.files());
    added.addAndGet(counts.added());
    updated.addAndGet(counts.updated());
    removed.addAndGet(counts.removed());
    ufsCalls.addAndGet(counts.ufsCalls());
  }

  public Counts counts() {
    return new Counts(
        directories.get(), files.get(), added.get(), updated.get(), removed.get(), ufsCalls.get());
  }

  /** Folders seen in the UFS. */
  public long directories() {
    return directories.get();
  }

  /** Files seen in the UFS. */
  public long files() {
    return files.get();
  }

  /** Inodes added, updated or removed. */
  public long changes() {
    return added.get() + updated.get() + removed.get();
  }
}
