package io.metasync.client;

import io.metasync.proto.FileInfo;
import io.metasync.proto.ListStatusPage;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The entries of a listing, taken page by page from the master's stream. */
final class StatusListing implements CloseableIterator<FileStatus> {
  private final ServerStream<ListStatusPage> pages;
  private Iterator<FileInfo> page = Collections.emptyIterator();

  StatusListing(ServerStream<ListStatusPage> pages) {
    this.pages = pages;
  }

  @Override
  public boolean hasNext() {
    // a page may be empty (the master flushes what it has), so skip until one has entries
    while (!page.hasNext()) {
      if (!pages.hasNext()) {
        return false;
      }
      page = pages.next().getEntriesList().iterator();
    }
    return true;
  }

  @Override
  public FileStatus next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ProtoConversions.fileStatus(page.next());
  }

  @Override
  public void close() {
    pages.close();
  }
}
