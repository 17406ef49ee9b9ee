package io.metasync.master.metrics;

import static java.util.Objects.requireNonNull;

import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.ForwardingUnderFileSystem;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsOutputStream;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A UFS that counts and times each call of the one it wraps (a decorator: the UFS itself knows
 * nothing of metrics). A call that throws counts as an error; an absent path does not. The counting
 * delete is forwarded as such, so the caller still gets the count.
 */
final class MeteredUnderFileSystem extends ForwardingUnderFileSystem {
  private final UfsCallMetrics metrics;
  private final String label;

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException;
  }

  @FunctionalInterface
  private interface VoidCall {
    void run() throws IOException;
  }

  MeteredUnderFileSystem(UnderFileSystem ufs, UfsCallMetrics metrics, String label) {
    super(ufs);
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.label = requireNonNull(label, "label is null");
  }

  private <T> T timed(String operation, Call<T> call) throws IOException {
    long start = metrics.start();
    boolean failed = true;
    try {
      T result = call.run();
      failed = false;
      return result;
    } finally {
      metrics.record(label, operation, start, failed);
    }
  }

  private void timed(String operation, VoidCall call) throws IOException {
    timed(
        operation,
        () -> {
          call.run();
          return null;
        });
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    return timed("get_status", () -> delegate().getStatus(path));
  }

  @Override
  public UfsListing list(String path) throws IOException {
    return timed("list", () -> delegate().list(path));
  }

  @Override
  public UfsStatus mkdir(String path, int mode) throws IOException {
    return timed("mkdir", () -> delegate().mkdir(path, mode));
  }

  /** Times the call that starts the file; the bytes and {@code complete()} are not timed. */
  @Override
  public UfsOutputStream create(String path, int mode) throws IOException {
    return timed("create", () -> delegate().create(path, mode));
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    return timed("open", () -> delegate().open(path, offset));
  }

  @Override
  public void delete(String path, boolean recursive) throws IOException {
    timed("delete", () -> delegate().delete(path, recursive));
  }

  @Override
  public void delete(String path, boolean recursive, LongConsumer deletedEntries)
      throws IOException {
    timed("delete", () -> delegate().delete(path, recursive, deletedEntries));
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    timed("rename", () -> delegate().rename(source, destination));
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    timed("set_mode", () -> delegate().setMode(path, mode));
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    timed("set_owner", () -> delegate().setOwner(path, owner, group));
  }

  @Override
  public ChangeFeed openChangeFeed(FeedCursor resumeFrom, Duration pollInterval)
      throws IOException {
    return timed("open_change_feed", () -> delegate().openChangeFeed(resumeFrom, pollInterval));
  }
}
