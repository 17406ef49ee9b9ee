package io.metasync.ufs.hdfs;

import static java.util.Objects.requireNonNull;

import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A folder's entries read whole and sorted in String order. Hadoop's {@code FileSystem} API cannot
 * list a folder from a given name on, so a file system other than HDFS is listed this way: memory
 * grows with the width of the folder (about 200 bytes per entry), which the docs say.
 */
final class SortedFolderListing implements UfsListing {
  private final Iterator<UfsStatus> entries;

  SortedFolderListing(List<UfsStatus> entries) {
    this.entries =
        entries.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList().iterator();
  }

  @Override
  public boolean hasNext() {
    return entries.hasNext();
  }

  @Override
  public UfsStatus next() {
    if (!entries.hasNext()) {
      throw new NoSuchElementException("no more entries");
    }
    return requireNonNull(entries.next());
  }

  @Override
  public void close() {
    // the entries are in memory; nothing is held open
  }
}
