package io.metasync.ufs;

import static io.metasync.common.Preconditions.checkArgument;
import static io.metasync.common.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The change feed of a UFS with no feed of its own: {@link #watch} lists the folder's subtree, and
 * every poll interval {@link #poll} lists each watched subtree again and reports what differs by
 * {@link Fingerprint}: CREATE, DELETE, CONTENT or METADATA (a folder replaced by a file, or the
 * reverse, is DELETE then CREATE; a rename is DELETE of the old path and CREATE of the new one).
 *
 * <p>What it cannot see: a change undone within one interval (a file created and deleted, a mode
 * changed and changed back); a rewrite that keeps the length, the modification time (at the UFS's
 * granularity) and the content hash; the order of changes within one interval. A folder's own
 * CONTENT event accompanies changes to its entries wherever the UFS updates folder times.
 *
 * <p>It loses no events, except that a listing failing half-way is reported as lost events with the
 * next listing that succeeds (conservatively: the previous listing is kept and compared again, but
 * a UFS that failed is worth a whole re-sync). The cursor is the time the last listing started; a
 * feed resumed from a cursor cannot know what changed while nobody listed, so its first batch says
 * events were lost.
 *
 * <p>Memory: one fingerprint per entry of each watched subtree.
 */
public final class PollingChangeFeed implements ChangeFeed {
  private static final String CURSOR_PREFIX = "listed-at-ms:";

  /** Waits; tests replace it with one that advances a manual clock. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final UnderFileSystem ufs;
  private final Duration pollInterval;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Object lock = new Object();
  // Guarded by lock: each watched folder and its subtree as the last listing found it.
  private final Map<String, FingerprintTree> trees = new HashMap<>();
  // Guarded by lock.
  private boolean eventsLost;
  // Only the polling thread reads and writes these.
  private Instant nextListing;
  private volatile FeedCursor cursor;
  private volatile boolean closed;

  /** A feed on the system clock, starting from now or resuming after {@code resumeFrom}. */
  public PollingChangeFeed(UnderFileSystem ufs, FeedCursor resumeFrom, Duration pollInterval) {
    this(
        ufs,
        resumeFrom,
        pollInterval,
        Clock.systemUTC(),
        duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()));
  }

  /** A feed on the system clock, starting from now. */
  public PollingChangeFeed(UnderFileSystem ufs, Duration pollInterval) {
    this(ufs, null, pollInterval);
  }

  /**
   * @param resumeFrom a cursor of an earlier feed, or null to start from now
   */
  public PollingChangeFeed(
      UnderFileSystem ufs,
      FeedCursor resumeFrom,
      Duration pollInterval,
      Clock clock,
      Sleeper sleeper) {
    this.ufs = requireNonNull(ufs, "ufs is null");
    this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
    checkArgument(
        !pollInterval.isNegative() && !pollInterval.isZero(),
        "pollInterval must be positive: %s",
        pollInterval);
    this.clock = requireNonNull(clock, "clock is null");
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
    Instant now = clock.instant();
    this.cursor = cursorAt(now);
    this.eventsLost = resumeFrom != null;
    // A resumed feed lists at once, so its first batch (which says events were lost) comes
    // without waiting a whole interval.
    this.nextListing = resumeFrom != null ? now : now.plus(pollInterval);
  }

  /**
   * Lists {@code path}'s subtree as the baseline that later listings are compared with.
   *
   * @throws java.io.FileNotFoundException when {@code path} does not exist
   * @throws java.nio.file.NotDirectoryException when {@code path} is a file
   * @throws IOException when the listing fails
   */
  @Override
  public void watch(String path) throws IOException {
    requireNonNull(path, "path is null");
    checkState(!closed, "the change feed of %s is closed", ufs.rootUri());
    FingerprintTree baseline = FingerprintTree.ofFolder(ufs, path);
    synchronized (lock) {
      trees.put(path, baseline);
    }
  }

  @Override
  public void unwatch(String path) {
    requireNonNull(path, "path is null");
    synchronized (lock) {
      trees.remove(path);
    }
  }

  /**
   * Lists the watched subtrees again when the poll interval has passed since the last listing,
   * waiting for that up to {@code timeout}, and goes on listing every interval until a listing
   * finds changes or the timeout passes.
   *
   * @throws IOException when a listing fails; the next successful poll reports lost events
   */
  @Override
  public ChangeBatch poll(Duration timeout) throws IOException, InterruptedException {
    requireNonNull(timeout, "timeout is null");
    checkState(!closed, "the change feed of %s is closed", ufs.rootUri());
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      Instant now = clock.instant();
      if (!now.isBefore(nextListing)) {
        ChangeBatch batch = listAgain(now);
        if (!batch.events().isEmpty() || batch.eventsLost()) {
          return batch;
        }
      }
      if (!now.isBefore(deadline)) {
        return new ChangeBatch(List.of(), false, cursor);
      }
      Instant wakeUp = nextListing.isBefore(deadline) ? nextListing : deadline;
      sleeper.sleep(Duration.between(now, wakeUp));
    }
  }

  private ChangeBatch listAgain(Instant start) throws IOException {
    nextListing = start.plus(pollInterval);
    Map<String, FingerprintTree> previous;
    synchronized (lock) {
      previous = new HashMap<>(trees);
    }
    Map<String, FingerprintTree> current = new HashMap<>();
    try {
      for (String root : previous.keySet()) {
        current.put(root, FingerprintTree.of(ufs, root));
      }
    } catch (IOException e) {
      synchronized (lock) {
        eventsLost = true;
      }
      throw e;
    }
    // A set: overlapping watched folders would otherwise report their common entries twice.
    Set<ChangeEvent> events = new LinkedHashSet<>();
    boolean lost;
    synchronized (lock) {
      for (Map.Entry<String, FingerprintTree> listed : current.entrySet()) {
        String root = listed.getKey();
        FingerprintTree older = previous.get(root);
        // Unwatched, or watched again with a new baseline, while this listing ran.
        if (trees.get(root) == older) {
          trees.put(root, listed.getValue());
          events.addAll(listed.getValue().changesSince(older));
        }
      }
      lost = eventsLost;
      eventsLost = false;
    }
    cursor = cursorAt(start);
    return new ChangeBatch(new ArrayList<>(events), lost, cursor);
  }

  @Override
  public FeedCursor cursor() {
    return cursor;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (lock) {
      trees.clear();
    }
  }

  private static FeedCursor cursorAt(Instant instant) {
    return new FeedCursor(CURSOR_PREFIX + instant.toEpochMilli());
  }
}
