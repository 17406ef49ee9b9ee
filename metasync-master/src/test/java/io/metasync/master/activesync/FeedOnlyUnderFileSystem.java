package io.metasync.master.activesync;

import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsOutputStream;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A UFS that only opens change feeds (the next one a test queued, or a failure); active sync's
 * parts under test never list or change it.
 */
final class FeedOnlyUnderFileSystem implements UnderFileSystem {
  private final URI root;
  private final List<ChangeFeed> feeds = new ArrayList<>();
  private final List<FeedCursor> opensFrom = new ArrayList<>();
  private String openFailure;

  FeedOnlyUnderFileSystem(String root) {
    this.root = URI.create(root);
  }

  /** The next {@code openChangeFeed} returns {@code feed}. */
  synchronized FeedOnlyUnderFileSystem thenFeed(ChangeFeed feed) {
    feeds.add(feed);
    return this;
  }

  /** {@code openChangeFeed} fails with {@code message} until a feed is queued. */
  synchronized void failOpens(String message) {
    openFailure = message;
  }

  /** The cursor each successful open resumed from (null: from now). */
  synchronized List<FeedCursor> opensFrom() {
    return new ArrayList<>(opensFrom);
  }

  @Override
  public synchronized ChangeFeed openChangeFeed(FeedCursor resumeFrom, Duration pollInterval)
      throws IOException {
    if (feeds.isEmpty()) {
      throw new IOException(openFailure == null ? "no feed queued" : openFailure);
    }
    opensFrom.add(resumeFrom);
    return feeds.remove(0);
  }

  @Override
  public URI rootUri() {
    return root;
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) {
    throw new UnsupportedOperationException("getStatus");
  }

  @Override
  public UfsListing list(String path) {
    throw new UnsupportedOperationException("list");
  }

  @Override
  public UfsStatus mkdir(String path, int mode) {
    throw new UnsupportedOperationException("mkdir");
  }

  @Override
  public UfsOutputStream create(String path, int mode) {
    throw new UnsupportedOperationException("create");
  }

  @Override
  public InputStream open(String path, long offset) {
    throw new UnsupportedOperationException("open");
  }

  @Override
  public void delete(String path, boolean recursive) {
    throw new UnsupportedOperationException("delete");
  }

  @Override
  public void rename(String source, String destination) {
    throw new UnsupportedOperationException("rename");
  }

  @Override
  public void setMode(String path, int mode) {
    throw new UnsupportedOperationException("setMode");
  }

  @Override
  public void setOwner(String path, String owner, String group) {
    throw new UnsupportedOperationException("setOwner");
  }

  @Override
  public void close() {}
}
