package io.metasync.ufs;

import static java.util.Objects.requireNonNull;

/**
 * Where a change feed stands, in the feed's own terms (HDFS: the inotify transaction id; a local
 * folder: a time mark), so that a master can journal it and resume after a restart. Opaque to
 * everyone but the feed that made it.
 */
public record FeedCursor(String value) {
  public FeedCursor {
    requireNonNull(value, "value is null");
  }
}
