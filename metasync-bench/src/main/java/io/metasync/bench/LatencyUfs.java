package io.metasync.bench;

import io.metasync.common.Ticker;
import io.metasync.ufs.ForwardingUnderFileSystem;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsOutputStream;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A UFS whose every call first waits a fixed delay, like a remote NameNode or an object store
 * answering in a millisecond or two: what a write costs when the UFS, not the master, is slow.
 * Streams returned by {@code create} and {@code open} are not slowed further (an empty file is one
 * call). Used on both sides of a comparison, so the baseline pays the same delay per call.
 */
final class LatencyUfs extends ForwardingUnderFileSystem {
  private final long delayNanos;
  private final Ticker ticker;

  LatencyUfs(UnderFileSystem delegate, long delayNanos, Ticker ticker) {
    super(delegate);
    this.delayNanos = delayNanos;
    this.ticker = ticker;
  }

  private void pause() throws IOException {
    long end = ticker.nanos() + delayNanos;
    long left;
    while ((left = end - ticker.nanos()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted in the injected UFS latency");
      }
    }
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    pause();
    return super.getStatus(path);
  }

  @Override
  public UfsListing list(String path) throws IOException {
    pause();
    return super.list(path);
  }

  @Override
  public UfsStatus mkdir(String path, int mode) throws IOException {
    pause();
    return super.mkdir(path, mode);
  }

  @Override
  public UfsOutputStream create(String path, int mode) throws IOException {
    pause();
    return super.create(path, mode);
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    pause();
    return super.open(path, offset);
  }

  @Override
  public void delete(String path, boolean recursive) throws IOException {
    pause();
    super.delete(path, recursive);
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    pause();
    super.rename(source, destination);
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    pause();
    super.setMode(path, mode);
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    pause();
    super.setOwner(path, owner, group);
  }
}
