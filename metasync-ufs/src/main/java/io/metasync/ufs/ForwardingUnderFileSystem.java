package io.metasync.ufs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link UnderFileSystem} that passes every call to another one: the base of decorators (metrics,
 * retries, counting and fault injection in tests), which override only what they change.
 *
 * <p>The counting {@link #delete(String, boolean, java.util.function.LongConsumer)} is deliberately
 * not forwarded here: it keeps the interface's default, which calls this decorator's {@link
 * #delete(String, boolean)}, so a decorator that overrides only that method still sees every delete
 * (the count is then not passed on). A decorator that wants the count to reach its caller overrides
 * both, and in the counting one calls {@code delegate().delete(path, recursive, deletedEntries)},
 * not {@code super}, whose default would come back to its two-argument override.
 */
public abstract class ForwardingUnderFileSystem implements UnderFileSystem {
  private final UnderFileSystem delegate;

  protected ForwardingUnderFileSystem(UnderFileSystem delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  protected UnderFileSystem delegate() {
    return delegate;
  }

  @Override
  public URI rootUri() {
    return delegate.rootUri();
  }

  @Override
  public long throttledRequests() {
    return delegate.throttledRequests();
  }

  @Override
  public URI uriOf(String path) {
    return delegate.uriOf(path);
  }

  @Override
  public void checkPathLength(String path) throws IOException {
    delegate.checkPathLength(path);
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    return delegate.getStatus(path);
  }

  @Override
  public UfsListing list(String path) throws IOException {
    return delegate.list(path);
  }

  @Override
  public UfsStatus mkdir(String path, int mode) throws IOException {
    return delegate.mkdir(path, mode);
  }

  @Override
  public UfsOutputStream create(String path, int mode) throws IOException {
    return delegate.create(path, mode);
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    return delegate.open(path, offset);
  }

  @Override
  public void delete(String path, boolean recursive) throws IOException {
    delegate.delete(path, recursive);
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    delegate.rename(source, destination);
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    delegate.setMode(path, mode);
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    delegate.setOwner(path, owner, group);
  }

  @Override
  public ChangeFeed openChangeFeed(FeedCursor resumeFrom, Duration pollInterval)
      throws IOException {
    return delegate.openChangeFeed(resumeFrom, pollInterval);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
