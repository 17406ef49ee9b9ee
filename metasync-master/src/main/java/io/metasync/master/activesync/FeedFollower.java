package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.mount.MountPoint;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import java.io.IOException;
import java.time.Duration;

/**
 * One mount's change feed, and the last cursor journaled for it. Owned by the active-sync thread.
 */
final class FeedFollower implements AutoCloseable {
  private final MountPoint mount;
  private final ChangeFeed feed;
  private FeedCursor journaledCursor;

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
