package io.metasync.hadoop;

import java.io.IOException;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;

/** The files of a listing, its directories skipped (for {@code listFiles}), one entry ahead. */
final class FilesOnly implements RemoteIterator<LocatedFileStatus> {
  private final RemoteIterator<LocatedFileStatus> entries;
  private LocatedFileStatus next;

  FilesOnly(RemoteIterator<LocatedFileStatus> entries) {
    this.entries = entries;
  }

  @Override
  public boolean hasNext() throws IOException {
    while (next == null && entries.hasNext()) {
      LocatedFileStatus entry = entries.next();
      if (entry.isFile()) {
        next = entry;
      }
    }
    return next != null;
  }

  @Override
  public LocatedFileStatus next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("no more files in the listing");
    }
    LocatedFileStatus file = next;
    next = null;
    return file;
  }
}
