package io.metasync.master.web;

import static java.util.Objects.requireNonNull;

import io.metasync.master.activesync.SyncPointStatus;
import io.metasync.master.activesync.Trouble;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few warnings the pages could see: failed syncs (told by the sync listener) and sync
 * points whose feed or syncs began failing (seen whenever the sync points are read for a page or
 * its live update). Bounded: the oldest go first. Thread-safe.
 */
final class RecentErrors {
  /** One warning. */
  record Event(long atMs, String source, String path, String message) {
    Event {
      requireNonNull(source, "source is null");
      requireNonNull(path, "path is null");
      requireNonNull(message, "message is null");
    }
  }

  private final int capacity;
  private final Deque<Event> events = new ArrayDeque<>();
  // The trouble last recorded per sync point, so that one trouble is one event, not one per read.
  private final Map<String, Trouble> troubles = new HashMap<>();

  RecentErrors(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(Event event) {
    if (events.size() == capacity) {
      events.removeFirst();
    }
    events.addLast(event);
  }

  /** Records each sync point whose trouble is new or has failed again since it was last seen. */
  void noteTroubles(List<SyncPointStatus> points, long nowMs) {
    for (SyncPointStatus point : points) {
      Trouble trouble = point.trouble();
      String path = point.path().toString();
      Trouble previous;
      synchronized (this) {
        previous = trouble == null ? troubles.remove(path) : troubles.put(path, trouble);
      }
      if (trouble != null && !trouble.equals(previous)) {
        add(
            new Event(
                nowMs,
                "sync point " + point.state().name().toLowerCase(java.util.Locale.ROOT),
                path,
                trouble.cause() + " (" + trouble.failures() + " failures in a row)"));
      }
    }
  }

  /** The newest first. */
  synchronized List<Event> newestFirst() {
    List<Event> newest = new ArrayList<>(events);
    java.util.Collections.reverse(newest);
    return newest;
  }
}
