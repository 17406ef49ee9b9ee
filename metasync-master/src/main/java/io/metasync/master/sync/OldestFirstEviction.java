package io.metasync.master.sync;

import static io.metasync.common.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.ToLongFunction;

/**
 * Keeps a cache within its capacity by forgetting the entries with the oldest times. Once the cache
 * outgrows its capacity it is cut to 90% of it in one pass, so the sort that pass needs is paid
 * once per tenth of the capacity of new entries rather than on every insert. One thread evicts at a
 * time; others carry on, so under concurrent inserts the size may briefly exceed the capacity by
 * the number of inserting threads.
 */
final class OldestFirstEviction {
  private final int capacity;
  private final int target;
  private final AtomicBoolean running = new AtomicBoolean();

  OldestFirstEviction(int capacity) {
    checkArgument(capacity > 0, "capacity must be positive: %s", capacity);
    this.capacity = capacity;
    // Never cut below one entry, so the record that overflowed a tiny cache survives.
    this.target = Math.max(1, capacity - capacity / 10);
  }

  /**
   * Evicts the oldest entries of {@code entries} when {@code size} exceeds the capacity. {@code
   * remove} removes one entry only if it still has the value seen (a concurrent update made it
   * newer) and says whether it did.
   */
  <K, V> void evictIfOverCapacity(
      Map<K, V> entries, int size, ToLongFunction<V> time, BiPredicate<K, V> remove) {
    if (size <= capacity || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      List<Map.Entry<K, V>> snapshot = new ArrayList<>(entries.entrySet());
      int excess = snapshot.size() - target;
      if (excess <= 0) {
        return;
      }
      snapshot.sort(Comparator.comparingLong(entry -> time.applyAsLong(entry.getValue())));
      for (int i = 0; i < excess; i++) {
        remove.test(snapshot.get(i).getKey(), snapshot.get(i).getValue());
      }
    } finally {
      running.set(false);
    }
  }
}
