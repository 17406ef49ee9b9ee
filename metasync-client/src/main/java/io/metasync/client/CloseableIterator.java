package io.metasync.client;

import java.util.Iterator;

/**
 * An iterator over a server stream that fetches as it goes. Close it when stopping early: that
 * cancels the call on the master. Its methods throw {@link io.metasync.common.MetasyncException}
 * when the call fails midway.
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close();
}
