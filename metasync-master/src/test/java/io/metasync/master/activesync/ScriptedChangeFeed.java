package io.metasync.master.activesync;

import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A change feed whose batches and failures a test queues; it records what it was asked to watch.
 * Its cursor is the number of events handed out so far.
 */
final class ScriptedChangeFeed implements ChangeFeed {
  private final Queue<Object> script = new ArrayDeque<>();
  private final Set<String> watched = ConcurrentHashMap.newKeySet();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private volatile long eventsHandedOut;
  private volatile int polls;
  private volatile boolean closed;

  /** The next poll returns these events. */
  synchronized ScriptedChangeFeed thenEvents(ChangeEvent... events) {
    script.add(new ChangeBatch(List.of(events), false, new FeedCursor("unused")));
    return this;
  }

  /** The next poll says events were lost. */
  synchronized ScriptedChangeFeed thenEventsLost() {
    script.add(new ChangeBatch(List.of(), true, new FeedCursor("unused")));
    return this;
  }

  /** The next poll fails with {@code message}. */
  synchronized ScriptedChangeFeed thenFailure(String message) {
    script.add(new IOException(message));
    return this;
  }

  /** Watching {@code path} fails until {@link #allowWatching}. */
  void refuseWatching(String path) {
    refused.add(path);
  }

  void allowWatching(String path) {
    refused.remove(path);
  }

  Set<String> watched() {
    return Set.copyOf(watched);
  }

  int polls() {
    return polls;
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void watch(String path) throws IOException {
    if (refused.contains(path)) {
      throw new IOException(path + " is gone");
    }
    watched.add(path);
  }

  @Override
  public void unwatch(String path) {
    watched.remove(path);
  }

  @Override
  public synchronized ChangeBatch poll(Duration timeout) throws IOException {
    polls++;
    Object next = script.poll();
    if (next instanceof IOException failure) {
      throw failure;
    }
    ChangeBatch batch =
        next == null ? new ChangeBatch(List.of(), false, cursor()) : (ChangeBatch) next;
    eventsHandedOut += batch.events().size();
    return new ChangeBatch(batch.events(), batch.eventsLost(), cursor());
  }

  @Override
  public FeedCursor cursor() {
    return new FeedCursor(Long.toString(eventsHandedOut));
  }

  @Override
  public void close() {
    closed = true;
  }
}
