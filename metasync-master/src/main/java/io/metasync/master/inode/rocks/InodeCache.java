package io.metasync.master.inode.rocks;

import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeCacheCounts;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded on-heap cache of inodes in front of RocksDB, by id ({@link Long} keys) and by parent
 * and name ({@link ChildName} keys), least recently used first out. It is split into segments, each
 * an access-ordered map under its own lock, so that readers on many threads rarely meet.
 *
 * <p>Readers fill the cache after a miss, and the one writer invalidates what it changes; a fill
 * must never put back a value that a write has just replaced. So every write is bracketed by {@link
 * #beginWrite} and {@link #endWrite}, which step a version under the fill lock, and a reader fills
 * only with a ticket taken before its RocksDB read and still current (and not inside a write) when
 * it fills: a value read before a write began and filled after it ended is refused, as is one read
 * during a write.
 */
final class InodeCache {
  private static final int SEGMENTS = 16;

  /** The cache key of a child lookup. */
  record ChildName(long parentId, String name) {}

  private final Segment[] segments;
  private final Object fillLock = new Object();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** Even between writes, odd during one. */
  private volatile long version;

  InodeCache(int capacity) {
    segments = new Segment[SEGMENTS];
    int perSegment = capacity == 0 ? 0 : Math.max(1, capacity / SEGMENTS);
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment(perSegment);
    }
  }

  Optional<Inode> get(Object key) {
    Inode cached = segment(key).get(key);
    (cached == null ? misses : hits).increment();
    return Optional.ofNullable(cached);
  }

  InodeCacheCounts counts() {
    return new InodeCacheCounts(hits.sum(), misses.sum());
  }

  /** Taken before reading RocksDB after a miss. */
  long fillTicket() {
    return version;
  }

  /** Caches what was read with {@code ticket}, unless a write began since (or was under way). */
  void fill(long ticket, Object key, Inode inode) {
    if ((ticket & 1) != 0) {
      return;
    }
    synchronized (fillLock) {
      if (version == ticket) {
        segment(key).put(key, inode);
      }
    }
  }

  void beginWrite() {
    synchronized (fillLock) {
      version++;
    }
  }

  /** Ends a write, dropping the entries it changed. */
  void endWrite(Collection<Object> changedKeys) {
    synchronized (fillLock) {
      for (Object key : changedKeys) {
        segment(key).remove(key);
      }
      version++;
    }
  }

  /** Ends a write that replaced everything. */
  void endWriteOfAll() {
    synchronized (fillLock) {
      for (Segment segment : segments) {
        segment.clear();
      }
      version++;
    }
  }

  private Segment segment(Object key) {
    int hash = key.hashCode();
    return segments[(hash ^ (hash >>> 16)) & (SEGMENTS - 1)];
  }

  /** One segment: an access-ordered map that drops its eldest entry beyond its capacity. */
  private static final class Segment {
    private final int capacity;
    private final LinkedHashMap<Object, Inode> entries;

    Segment(int capacity) {
      this.capacity = capacity;
      this.entries =
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Inode> eldest) {
              return size() > Segment.this.capacity;
            }
          };
    }

    synchronized Inode get(Object key) {
      return entries.get(key);
    }

    synchronized void put(Object key, Inode inode) {
      if (capacity > 0) {
        entries.put(key, inode);
      }
    }

    synchronized void remove(Object key) {
      entries.remove(key);
    }

    synchronized void clear() {
      entries.clear();
    }
  }
}
