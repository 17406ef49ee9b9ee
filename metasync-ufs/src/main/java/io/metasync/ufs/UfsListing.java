package io.metasync.ufs;

import java.io.Closeable;
import java.io.IOException;

/**
 * The entries of one UFS folder, one at a time, in ascending order of name ({@link
 * String#compareTo}). Implementations fetch in pages, so a folder of millions of entries never sits
 * in memory whole. Not thread-safe.
 */
public interface UfsListing extends Closeable {
  /**
   * @throws IOException when the UFS fails; never taken for the end of the listing
   */
  boolean hasNext() throws IOException;

  /**
   * @throws java.util.NoSuchElementException when there is no next entry
   * @throws IOException when the UFS fails
   */
  UfsStatus next() throws IOException;

  @Override
  void close() throws IOException;
}
