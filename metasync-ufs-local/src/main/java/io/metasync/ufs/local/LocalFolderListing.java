package io.metasync.ufs.local;

import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * The entries of one local folder, from its names sorted up front. Each entry is read only when the
 * listing reaches it, so memory holds names (at most one run of them, see {@link SortedNames}), not
 * statuses; an entry that vanished (or that metasync cannot show) since the names were read is
 * skipped.
 */
final class LocalFolderListing implements UfsListing {
  private final LocalStatusReader reader;
  private final Path folder;
  private final SortedNames names;
  private UfsStatus next;

  LocalFolderListing(LocalStatusReader reader, Path folder, SortedNames names) {
    this.reader = reader;
    this.folder = folder;
    this.names = names;
  }

  @Override
  public boolean hasNext() throws IOException {
    while (next == null && names.hasNext()) {
      String name = names.next();
      next = reader.read(folder.resolve(name), name).orElse(null);
    }
    return next != null;
  }

  @Override
  public UfsStatus next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("no more entries in " + folder);
    }
    UfsStatus status = next;
    next = null;
    return status;
  }

  @Override
  public void close() throws IOException {
    names.close();
  }
}
