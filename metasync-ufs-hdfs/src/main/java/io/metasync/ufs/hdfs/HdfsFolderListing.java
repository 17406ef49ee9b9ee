package io.metasync.ufs.hdfs;

import static java.util.Objects.requireNonNull;

import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.net.URI;
import java.util.NoSuchElementException;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;

/** An HDFS folder's entries in String order, as the UFS contract lists them. */
final class HdfsFolderListing implements UfsListing {
  private final StringOrderListing<HdfsFileStatus> entries;
  private final URI folderUri;
  private ListingPages.Entry<HdfsFileStatus> next;
  private boolean ended;

  HdfsFolderListing(StringOrderListing<HdfsFileStatus> entries, URI folderUri) {
    this.entries = requireNonNull(entries, "entries is null");
    this.folderUri = requireNonNull(folderUri, "folderUri is null");
  }

  @Override
  public boolean hasNext() throws IOException {
    if (next == null && !ended) {
      try {
        next = entries.next();
      } catch (IOException e) {
        throw HdfsErrors.translate(e, folderUri);
      }
      ended = next == null;
    }
    return next != null;
  }

  @Override
  public UfsStatus next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("no more entries in " + folderUri);
    }
    HdfsFileStatus status = next.value();
    next = null;
    return HdfsStatuses.toUfsStatus(status.getLocalName(), status);
  }

  @Override
  public void close() {
    // nothing is held open between pages
  }
}
