package io.metasync.ufs.hdfs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;

/** One folder's entries in HDFS's order, a page at a time, from any name on. */
interface ListingPages<T> {
  /**
   * The next page of entries whose names sort after {@code startAfter} in HDFS's order, which need
   * not be the name of an entry; {@code startAfter} empty starts at the first entry.
   */
  Page<T> after(byte[] startAfter) throws IOException;

  /** An entry and its name's UTF-8 bytes. */
  record Entry<T>(byte[] name, T value) {
    public Entry {
      requireNonNull(name, "name is null");
      requireNonNull(value, "value is null");
    }
  }

  /**
   * @param hasMore whether entries follow the last of this page
   */
  record Page<T>(List<Entry<T>> entries, boolean hasMore) {
    public Page {
      entries = List.copyOf(entries);
    }
  }
}
