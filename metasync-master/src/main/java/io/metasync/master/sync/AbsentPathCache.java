package io.metasync.master.sync;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Paths the UFS said do not exist, with the start time of the check that found them absent, so a
 * repeated lookup of a missing path within its sync interval does not ask the UFS again. Bounded:
 * past the capacity the oldest records are forgotten.
 *
 * <p>Kept in {@link NamespacePath} order, where a path's descendants follow it contiguously, so
 * forgetting a subtree is one range removal.
 */
public final class AbsentPathCache {
  private final ConcurrentSkipListMap<NamespacePath, Long> absentSince =
      new ConcurrentSkipListMap<>();

  /** The skip list counts its size by walking it, so the count is kept alongside. */
  private final AtomicInteger size = new AtomicInteger();

  private final OldestFirstEviction eviction;

  /**
   * @throws IllegalArgumentException when {@code capacity} is not positive
   */
  public AbsentPathCache(int capacity) {
    this.eviction = new OldestFirstEviction(capacity);
  }

  /**
   * Records that a check started at {@code checkStartMs} found {@code path} absent; keeps the later
   * time.
   */
  public void recordAbsent(NamespacePath path, long checkStartMs) {
    requireNonNull(path, "path is null");
    checkArgument(checkStartMs >= 0, "check start time must not be negative: %s", checkStartMs);
    Long boxed = checkStartMs;
    while (true) {
      Long previous = absentSince.putIfAbsent(path, boxed);
      if (previous == null) {
        size.incrementAndGet();
        break;
      }
      if (previous >= checkStartMs || absentSince.replace(path, previous, boxed)) {
        break;
      }
      // Replaced or removed concurrently: look again.
    }
    eviction.evictIfOverCapacity(absentSince, size.get(), Long::longValue, this::remove);
  }

  /** When {@code path} was found absent, or empty when not known to be absent. */
  public OptionalLong absentSince(NamespacePath path) {
    requireNonNull(path, "path is null");
    Long since = absentSince.get(path);
    return since == null ? OptionalLong.empty() : OptionalLong.of(since);
  }

  /** Forgets {@code path} and every path below it (something was created or moved there). */
  public void forgetSubtree(NamespacePath path) {
    requireNonNull(path, "path is null");
    Iterator<NamespacePath> candidates = absentSince.tailMap(path, true).keySet().iterator();
    while (candidates.hasNext()) {
      NamespacePath candidate = candidates.next();
      if (!candidate.startsWith(path)) {
        // Past the last descendant: a path's subtree is contiguous in path order.
        break;
      }
      if (absentSince.remove(candidate) != null) {
        size.decrementAndGet();
      }
    }
  }

  /** For tests: the number of paths recorded absent. */
  int size() {
    return size.get();
  }

  private boolean remove(NamespacePath path, Long since) {
    if (absentSince.remove(path, since)) {
      size.decrementAndGet();
      return true;
    }
    return false;
  }
}
