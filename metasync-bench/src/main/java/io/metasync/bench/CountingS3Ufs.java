package io.metasync.bench;

import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.ForwardingUnderFileSystem;
import io.metasync.ufs.PollingChangeFeed;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the S3 calls of one master's S3 mounts: each {@code list} is one ListObjectsV2 per 1,000
 * entries of a folder (the table's folders hold fewer), each {@code getStatus} one HEAD (two
 * requests where the key is absent: a listing follows). The polling feed is opened over this
 * decorator, not the S3 UFS under it, so that its listings are counted too.
 */
final class CountingS3Ufs extends ForwardingUnderFileSystem {
  private final AtomicLong calls;
  private final boolean polling;

  /**
   * @param polling whether the mount polls; false when it has {@code s3.events.port}
   */
  CountingS3Ufs(UnderFileSystem delegate, AtomicLong calls, boolean polling) {
    super(delegate);
    this.calls = calls;
    this.polling = polling;
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    calls.incrementAndGet();
    return super.getStatus(path);
  }

  @Override
  public UfsListing list(String path) throws IOException {
    calls.incrementAndGet();
    return super.list(path);
  }

  @Override
  public ChangeFeed openChangeFeed(FeedCursor resumeFrom, Duration pollInterval)
      throws IOException {
    if (polling) {
      return new PollingChangeFeed(this, resumeFrom, pollInterval);
    }
    return super.openChangeFeed(resumeFrom, pollInterval);
  }
}
