package io.metasync.master.sync;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of a sync, read by whoever reports its progress. Thread-safe. */
public final class SyncStats {
  private final AtomicLong directories = new AtomicLong();
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong changes = new AtomicLong();

  void entrySeen(boolean directory) {
    (directory ? directories : files).incrementAndGet();
  }

  /** Counts an entry found in the cache by a walk that loads what is missing. */
  public void entryLoaded(boolean directory) {
    entrySeen(directory);
  }

  void changed() {
    changes.incrementAndGet();
  }

  /** Adds the counts of {@code other}: a sync that this one joined instead of listing again. */
  void add(SyncStats other) {
    directories.addAndGet(other.directories());
    files.addAndGet(other.files());
    changes.addAndGet(other.changes());
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
    return changes.get();
  }
}
