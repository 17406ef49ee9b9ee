package io.metasync.ufs;

import java.io.IOException;
import java.time.Duration;

/**
 * A UFS's stream of changes, for active sync. One feed serves every sync point of its UFS: each
 * sync point {@link #watch watches} its folder, and the master {@link #poll polls} the feed and
 * maps events to sync points. A feed reports what it saw; it never changes the UFS.
 *
 * <p>Events may arrive more than once (after a resume from a cursor, say), and may name paths
 * outside every watched folder (HDFS reports the whole namespace): callers filter, and applying an
 * event twice is harmless because a sync compares with the UFS. A feed that cannot know what it
 * missed says so with {@link ChangeBatch#eventsLost()} rather than staying silent.
 *
 * <p>Not thread-safe: one thread polls; {@link #watch} and {@link #unwatch} may be called from
 * others.
 */
public interface ChangeFeed extends AutoCloseable {
  /**
   * Follows changes below the folder {@code path} (recursively) from now on.
   *
   * @throws IOException when the UFS refuses to be watched there (e.g. the inotify watch limit);
   *     the message says what is needed
   */
  void watch(String path) throws IOException;

  /** Stops following {@code path}. */
  void unwatch(String path);

  /**
   * The changes since the previous batch, waiting up to {@code timeout} for the first one; an empty
   * batch when there were none.
   *
   * @throws IOException when the feed fails; the caller retries, and the feed may then report lost
   *     events
   */
  ChangeBatch poll(Duration timeout) throws IOException, InterruptedException;

  /**
   * How many UFS transactions the feed had not read yet when it last asked the UFS (HDFS: edit log
   * transactions behind the NameNode's last); empty when the UFS does not say.
   */
  default java.util.OptionalLong backlog() {
    return java.util.OptionalLong.empty();
  }

  /** Where the feed stands now, to journal and to resume from. */
  FeedCursor cursor();

  @Override
  void close() throws IOException;
}
