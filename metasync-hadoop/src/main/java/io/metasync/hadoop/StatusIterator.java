package io.metasync.hadoop;

import io.metasync.client.CloseableIterator;
import io.metasync.common.MetasyncException;
import java.io.Closeable;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A Hadoop {@link RemoteIterator} over the master's paged listing stream: entries are converted as
 * they are taken, pages are fetched as the iterator advances, and the stream is closed when it ends
 * or fails (and by {@link #close()} for a caller that stops early).
 */
final class StatusIterator<T> implements RemoteIterator<T>, Closeable {
  private final CloseableIterator<io.metasync.client.FileStatus> listing;
  private final Function<io.metasync.client.FileStatus, T> conversion;
  private boolean closed;

  private StatusIterator(
      CloseableIterator<io.metasync.client.FileStatus> listing,
      Function<io.metasync.client.FileStatus, T> conversion) {
    this.listing = listing;
    this.conversion = conversion;
  }

  /**
   * Starts iterating, asking for the first page at once so that a missing folder fails here with
   * {@link java.io.FileNotFoundException}, as Hadoop callers expect, not on the first {@code
   * hasNext}.
   */
  static <T> StatusIterator<T> start(
      CloseableIterator<io.metasync.client.FileStatus> listing,
      Function<io.metasync.client.FileStatus, T> conversion)
      throws IOException {
    StatusIterator<T> iterator = new StatusIterator<>(listing, conversion);
    iterator.hasNext();
    return iterator;
  }

  @Override
  public boolean hasNext() throws IOException {
    if (closed) {
      return false;
    }
    try {
      if (listing.hasNext()) {
        return true;
      }
    } catch (MetasyncException e) {
      close();
      throw HadoopErrors.translate(e);
    }
    close();
    return false;
  }

  @Override
  public T next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("the listing has no more entries");
    }
    try {
      return conversion.apply(listing.next());
    } catch (MetasyncException e) {
      close();
      throw HadoopErrors.translate(e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      listing.close();
    }
  }
}
