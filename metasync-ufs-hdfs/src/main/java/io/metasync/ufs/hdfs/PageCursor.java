package io.metasync.ufs.hdfs;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Reads {@link ListingPages} forward from one name, one page in memory at a time. */
final class PageCursor<T> {
  private final ListingPages<T> pages;
  private List<ListingPages.Entry<T>> page = List.of();
  private int index;
  private boolean hasMore = true;
  private byte[] lastName;

  PageCursor(ListingPages<T> pages, byte[] startAfter) {
    this.pages = pages;
    this.lastName = startAfter;
  }

  /** The next entry without consuming it; null at the end. */
  ListingPages.Entry<T> peek() throws IOException {
    while (index >= page.size() && hasMore) {
      ListingPages.Page<T> next = pages.after(lastName);
      page = next.entries();
      index = 0;
      hasMore = next.hasMore() && !page.isEmpty();
      if (!page.isEmpty()) {
        lastName = page.get(page.size() - 1).name();
      }
    }
    return index < page.size() ? page.get(index) : null;
  }

  ListingPages.Entry<T> next() throws IOException {
    ListingPages.Entry<T> entry = peek();
    index++;
    return entry;
  }

  /** The entries already in memory from the next one on; more may follow when {@link #hasMore}. */
  List<ListingPages.Entry<T>> buffered() {
    return page.subList(index, page.size());
  }

  boolean hasMore() {
    return hasMore;
  }

  /** Consumes the entries whose names start with {@code prefix}. */
  void skipPrefix(byte[] prefix) throws IOException {
    ListingPages.Entry<T> entry;
    while ((entry = peek()) != null && startsWith(entry.name(), prefix)) {
      index++;
    }
  }

  static boolean startsWith(byte[] name, byte[] prefix) {
    return name.length >= prefix.length
        && Arrays.equals(name, 0, prefix.length, prefix, 0, prefix.length);
  }
}
