package io.metasync.ufs.local;

import static io.metasync.common.Preconditions.checkArgument;

import io.metasync.ufs.ChangeEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The events a background thread gathered and the poller has not taken yet, bounded: an event that
 * finds the queue full is dropped and remembered as lost events, so a slow poller costs a re-sync,
 * never unbounded memory. Thread-safe.
 */
final class ChangeEventQueue {
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Guarded by lock.
  private final ArrayDeque<ChangeEvent> events = new ArrayDeque<>();
  private boolean eventsLost;

  ChangeEventQueue(int capacity) {
    checkArgument(capacity > 0, "capacity must be positive: %s", capacity);
    this.capacity = capacity;
  }

  void add(ChangeEvent event) {
    lock.lock();
    try {
      if (events.size() < capacity) {
        events.add(event);
      } else {
        eventsLost = true;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void markLost() {
    lock.lock();
    try {
      eventsLost = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Takes everything gathered, waiting up to {@code timeout} for the first event or loss. */
  Taken takeAll(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (events.isEmpty() && !eventsLost && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
      Taken taken = new Taken(List.copyOf(events), eventsLost);
      events.clear();
      eventsLost = false;
      return taken;
    } finally {
      lock.unlock();
    }
  }

  record Taken(List<ChangeEvent> events, boolean eventsLost) {}
}
