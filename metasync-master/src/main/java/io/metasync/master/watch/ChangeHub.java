package io.metasync.master.watch;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Where the namespace's changes meet their watchers. The journal's apply path hands it each applied
 * entry's changes ({@link WatchedState}); it keeps the latest of them ({@link RecentChanges}) for
 * watchers that resume from a cursor, and queues each to every watcher that sees it. The apply
 * thread never waits for a watcher: each has its own bounded queue, drained by a delivery thread as
 * its flow control allows, and is dropped when that queue overflows.
 */
public final class ChangeHub {
  private final RecentChanges recent;
  private final Subscription.Delivery delivery;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

  /**
   * @param retainedChanges how many recent changes are kept for resuming cursors
   * @param subscriberCapacity how many changes may wait for one watcher before it is dropped
   * @param executor runs deliveries to watchers
   */
  public ChangeHub(int retainedChanges, int subscriberCapacity, Executor executor) {
    checkArgument(
        subscriberCapacity > 0, "a watcher's capacity must be positive: %s", subscriberCapacity);
    this.recent = new RecentChanges(retainedChanges);
    this.delivery =
        new Subscription.Delivery(requireNonNull(executor, "executor is null"), subscriberCapacity);
  }

  /** The journal entry at {@code index} was applied with {@code changes}: keeps and queues them. */
  synchronized void applied(long index, List<Change> changes) {
    recent.applied(index, changes);
    if (changes.isEmpty()) {
      return;
    }
    EntryChanges entry = new EntryChanges(index, changes);
    for (Subscription subscription : subscriptions) {
      subscription.offer(entry);
    }
  }

  /**
   * The changes of the entry at {@code index} could not be told (a bug): the cursors before it can
   * no longer be resumed from, and every watcher is told to start over.
   */
  synchronized void lost(long index, MetasyncException why) {
    recent.forgetUpTo(index);
    dropAll(why);
  }

  /**
   * Starts a watch: the first message carries the cursor, the kept changes after {@code
   * spec.from()} follow, then every new one. Together under the hub's lock, so no change is missed
   * or sent twice between them.
   *
   * @throws MetasyncException OUT_OF_RANGE when the changes after the cursor are no longer kept
   */
  public synchronized Subscription subscribe(WatchSpec spec, ChangeSink sink) {
    long cursor;
    List<EntryChanges> resumed;
    if (spec.from().isPresent()) {
      cursor = spec.from().getAsLong();
      resumed = recent.after(cursor, spec.path());
    } else {
      cursor = recent.lastIndex();
      resumed = List.of();
    }
    Subscription[] self = new Subscription[1];
    Subscription subscription =
        new Subscription(delivery, spec, sink, () -> subscriptions.remove(self[0]));
    self[0] = subscription;
    subscriptions.add(subscription);
    subscription.start(cursor, resumed);
    return subscription;
  }

  /** Ends every watch with {@code why} (this master stopped leading). */
  public void dropAll(MetasyncException why) {
    for (Subscription subscription : List.copyOf(subscriptions)) {
      subscription.fail(why);
    }
  }

  /** Ends every watch: the master is stopping. */
  public void stopping() {
    dropAll(
        new MetasyncException(
            ErrorCode.UNAVAILABLE,
            "the master is stopping; watch again from the last index received once it is back"));
  }

  /** The number of watchers. */
  public int watchers() {
    return subscriptions.size();
  }

  /** The last journal index applied with or without changes; -1 before any. */
  public synchronized long lastIndex() {
    return recent.lastIndex();
  }

  synchronized void writeRecent(OutputStream out) throws IOException {
    recent.writeTo(out);
  }

  synchronized void readRecent(InputStream in) throws IOException {
    recent.readFrom(in);
  }

  /** A snapshot without kept changes was loaded: cursors before it cannot be resumed from. */
  synchronized void recentUnknown() {
    recent.resetUnknown();
  }
}
