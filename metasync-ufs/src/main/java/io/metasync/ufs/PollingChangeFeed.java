package io.metasync.ufs;

import java.io.IOException;
import java.time.Duration;

/**
 * TODO(helper): the change feed of a UFS with no feed of its own: re-lists the watched folders
 * every poll interval and reports what differs by fingerprint.
 */
public final class PollingChangeFeed implements ChangeFeed {
  public PollingChangeFeed(UnderFileSystem ufs, Duration pollInterval) {}

  @Override
  public void watch(String path) {
    throw new UnsupportedOperationException("pending");
  }

  @Override
  public void unwatch(String path) {
    throw new UnsupportedOperationException("pending");
  }

  @Override
  public ChangeBatch poll(Duration timeout) throws IOException {
    throw new UnsupportedOperationException("pending");
  }

  @Override
  public FeedCursor cursor() {
    throw new UnsupportedOperationException("pending");
  }

  @Override
  public void close() {}
}
