package io.metasync.ufs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Counts the calls made to a UFS, per operation, so a test can prove that a cached answer did not
 * touch the UFS. A call is counted when it is made, whether or not it then fails. Thread-safe; a
 * {@link #reset()} racing with calls may or may not see them.
 */
public final class CountingUnderFileSystem extends ForwardingUnderFileSystem {
  private final AtomicLongArray counts = new AtomicLongArray(UfsOperation.values().length);

  public CountingUnderFileSystem(UnderFileSystem delegate) {
    super(delegate);
  }

  public long count(UfsOperation operation) {
    return counts.get(operation.ordinal());
  }

  public long total() {
    long total = 0;
    for (int i = 0; i < counts.length(); i++) {
      total += counts.get(i);
    }
    return total;
  }

  public void reset() {
    for (int i = 0; i < counts.length(); i++) {
      counts.set(i, 0);
    }
  }

  private void record(UfsOperation operation) {
    counts.incrementAndGet(operation.ordinal());
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    record(UfsOperation.GET_STATUS);
    return super.getStatus(path);
  }

  @Override
  public UfsListing list(String path) throws IOException {
    record(UfsOperation.LIST);
    return super.list(path);
  }

  @Override
  public UfsStatus mkdir(String path, int mode) throws IOException {
    record(UfsOperation.MKDIR);
    return super.mkdir(path, mode);
  }

  @Override
  public UfsOutputStream create(String path, int mode) throws IOException {
    record(UfsOperation.CREATE);
    return super.create(path, mode);
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    record(UfsOperation.OPEN);
    return super.open(path, offset);
  }

  @Override
  public void delete(String path, boolean recursive) throws IOException {
    record(UfsOperation.DELETE);
    super.delete(path, recursive);
  }

  @Override
  public void delete(String path, boolean recursive, LongConsumer deletedEntries)
      throws IOException {
    record(UfsOperation.DELETE);
    // the delegate's, not super's: the default would come back to delete(path, recursive) above
    delegate().delete(path, recursive, deletedEntries);
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    record(UfsOperation.RENAME);
    super.rename(source, destination);
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    record(UfsOperation.SET_MODE);
    super.setMode(path, mode);
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    record(UfsOperation.SET_OWNER);
    super.setOwner(path, owner, group);
  }

  /** The non-zero counts, for assertion messages: {@code {GET_STATUS=2, LIST=1}}. */
  @Override
  public String toString() {
    return Arrays.stream(UfsOperation.values())
        .filter(operation -> count(operation) > 0)
        .map(operation -> operation + "=" + count(operation))
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
