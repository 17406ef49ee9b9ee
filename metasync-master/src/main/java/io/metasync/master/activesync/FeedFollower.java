package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.mount.MountPoint;
import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.PollingChangeFeed;
import java.io.IOException;
import java.time.Duration;

/**
 * One mount's change feed, the last cursor journaled for it, and whether its reads are failing.
 * Owned by the active-sync thread.
 *
 * <p>A failing feed is read again after a back-off that doubles from {@link #FIRST_RETRY} up to the
 * active-sync interval, so that a dead NameNode is not asked twenty times a second and each failed
 * attempt counts once.
 */
final class FeedFollower implements AutoCloseable {
  static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  private final MountPoint mount;
  private final ChangeFeed feed;
  private FeedCursor journaledCursor;
  private FeedCursor lastReadCursor;
  private int failures;
  private long nextReadMs;

  FeedFollower(MountPoint mount, ChangeFeed feed, FeedCursor journaledCursor) {
    this.mount = requireNonNull(mount, "mount is null");
    this.feed = requireNonNull(feed, "feed is null");
    this.journaledCursor = journaledCursor;
  }

  /**
   * Opens the mount's change feed, resuming after {@code resumeFrom} when given.
   *
   * @throws MetasyncException FAILED_PRECONDITION naming the UFS when its feed cannot be opened
   */
  static FeedFollower open(MountPoint mount, FeedCursor resumeFrom, Duration pollInterval) {
    try {
      return new FeedFollower(
          mount, mount.ufs().openChangeFeed(resumeFrom, pollInterval), resumeFrom);
    } catch (IOException e) {
      throw MetasyncException.failedPrecondition(
          "cannot follow changes of "
              + mount.ufsUri()
              + " (mount "
              + mount.path()
              + "): "
              + e.getMessage());
    }
  }

  MountPoint mount() {
    return mount;
  }

  ChangeFeed feed() {
    return feed;
  }

  /** The namespace path of a path the feed reported, relative to the mount's UFS root. */
  NamespacePath namespacePath(String ufsPath) {
    NamespacePath path = mount.path();
    for (String component : ufsPath.split("/")) {
      if (!component.isEmpty()) {
        path = path.child(component);
      }
    }
    return path;
  }

  /** The feed's cursor if it moved since it was last journaled, else null. */
  FeedCursor cursorToJournal() {
    FeedCursor now = feed.cursor();
    return now.equals(journaledCursor) ? null : now;
  }

  void journaled(FeedCursor cursor) {
    journaledCursor = cursor;
  }

  /** Whether the feed may be read now: always while it answers, after its back-off otherwise. */
  boolean readable(long nowMs) {
    return failures == 0 || nowMs >= nextReadMs;
  }

  /** A read failed at {@code nowMs}: the next waits for the back-off, at most {@code longest}. */
  void readFailed(long nowMs, Duration longest) {
    failures++;
    long delayMs = FIRST_RETRY.toMillis() << Math.min(failures - 1, 16);
    nextReadMs = nowMs + Math.min(delayMs, Math.max(longest.toMillis(), 1));
  }

  boolean failing() {
    return failures > 0;
  }

  /**
   * Whether a read that returned {@code batch} shows the feed caught up with its UFS: any answer of
   * a feed that is told of changes, but only a completed pass of a polling feed, whose cursor moves
   * at each pass (a read between passes answers at once with nothing new).
   */
  boolean caughtUp(ChangeBatch batch) {
    if (!(feed instanceof PollingChangeFeed)) {
      return true;
    }
    boolean moved = !batch.cursor().equals(lastReadCursor);
    lastReadCursor = batch.cursor();
    return moved;
  }

  /** A read succeeded; says whether reads were failing until now. */
  boolean readSucceeded() {
    boolean wasFailing = failures > 0;
    failures = 0;
    return wasFailing;
  }

  @Override
  public void close() throws IOException {
    feed.close();
  }

  /** Closes a feed no longer needed; a failure to close leaves nothing to keep. */
  void closeQuietly() {
    try {
      close();
    } catch (IOException | RuntimeException e) {
      // Nothing to keep.
    }
  }
}
