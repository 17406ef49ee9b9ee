package io.metasync.master.watch;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One watcher: a bounded queue between the journal's apply thread, which only ever adds to it and
 * never waits, and the watcher's stream, which a delivery thread fills as fast as the watcher's
 * flow control allows. A watcher that lets more than its capacity of changes pile up is dropped
 * with RESOURCE_EXHAUSTED, so a slow or stuck watcher costs the master a bounded amount of memory
 * and nothing else.
 */
public final class Subscription {
  private final WatchSpec spec;
  private final ChangeSink sink;
  private final Executor delivery;
  private final int capacity;
  private final Deque<EntryChanges> queue = new ArrayDeque<>();
  private final AtomicBoolean deliveryScheduled = new AtomicBoolean();

  /** Held while sending: one delivery thread at a time, so entries leave in order. */
  private final Object sending = new Object();

  private final Runnable onEnd;

  private long queuedChanges;

  /** The changes sent in the first messages (resumed ones), allowed on top of the capacity. */
  private long backlog;

  /** The index of the last entry handed to the sink: where a dropped watcher resumes. */
  private long lastSent;

  private MetasyncException failure;
  private boolean ended;

  Subscription(Delivery delivery, WatchSpec spec, ChangeSink sink, Runnable onEnd) {
    this.delivery = delivery.executor();
    this.capacity = delivery.capacity();
    this.spec = requireNonNull(spec, "spec is null");
    this.sink = requireNonNull(sink, "sink is null");
    this.onEnd = requireNonNull(onEnd, "onEnd is null");
  }

  /** How subscriptions deliver: on {@code executor}, at most {@code capacity} changes queued. */
  record Delivery(Executor executor, int capacity) {
    Delivery {
      requireNonNull(executor, "executor is null");
    }
  }

  WatchSpec spec() {
    return spec;
  }

  /** The cursor message, then the kept entries after it; called before any live entry. */
  synchronized void start(long cursor, List<EntryChanges> resumed) {
    lastSent = cursor;
    queue.addLast(new EntryChanges(cursor, List.of()));
    for (EntryChanges entry : resumed) {
      EntryChanges mine = spec.filter(entry);
      if (!mine.changes().isEmpty()) {
        queue.addLast(mine);
        backlog += mine.changes().size();
        queuedChanges += mine.changes().size();
      }
    }
    deliver();
  }

  /**
   * Queues the changes of an applied entry this watcher sees, without waiting; drops the watcher
   * when it is too far behind. Called on the apply thread.
   */
  synchronized void offer(EntryChanges entry) {
    if (ended) {
      return;
    }
    EntryChanges mine = spec.filter(entry);
    if (mine.changes().isEmpty()) {
      return;
    }
    // An entry bigger than the capacity still goes to a watcher that has nothing waiting.
    if (queuedChanges > 0 && queuedChanges + mine.changes().size() > capacity + backlog) {
      fail(
          new MetasyncException(
              ErrorCode.RESOURCE_EXHAUSTED,
              "watch of "
                  + spec.path()
                  + " fell behind by more than "
                  + capacity
                  + " changes; re-subscribe with --from "
                  + lastSent));
      return;
    }
    queue.addLast(mine);
    queuedChanges += mine.changes().size();
    deliver();
  }

  /** Ends this watch with {@code error} (sent after nothing else). */
  synchronized void fail(MetasyncException error) {
    if (ended) {
      return;
    }
    ended = true;
    failure = error;
    queue.clear();
    queuedChanges = 0;
    deliver();
  }

  /** The watcher went away: stops at once. */
  public void cancel() {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      queue.clear();
      queuedChanges = 0;
    }
    onEnd.run();
  }

  /** The watcher can take more (its stream became ready): sends what is queued. */
  public void deliver() {
    if (deliveryScheduled.compareAndSet(false, true)) {
      delivery.execute(this::drain);
    }
  }

  private void drain() {
    synchronized (sending) {
      deliveryScheduled.set(false);
      sendQueued();
    }
  }

  private void sendQueued() {
    MetasyncException error;
    while (true) {
      EntryChanges next;
      synchronized (this) {
        if (queue.isEmpty() || !sink.ready()) {
          error = failure;
          failure = null;
          break;
        }
        next = queue.removeFirst();
        queuedChanges -= next.changes().size();
        backlog = Math.max(0, backlog - next.changes().size());
        lastSent = next.index();
      }
      EntryChanges visible =
          new EntryChanges(next.index(), next.changes().stream().filter(spec.visible()).toList());
      if (!visible.changes().isEmpty() || next.changes().isEmpty()) {
        sink.send(visible);
      }
    }
    if (error != null) {
      sink.fail(error);
      onEnd.run();
    }
  }
}
