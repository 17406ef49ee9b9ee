package io.metasync.ufs.hdfs;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hdfs.DFSClient;
import org.apache.hadoop.hdfs.protocol.DirectoryListing;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;

/**
 * One HDFS folder's pages ({@code dfs.ls.limit} entries each) as the NameNode returns them. The
 * first page, already read to tell a folder from a file, is served once without another call.
 */
final class HdfsListingPages implements ListingPages<HdfsFileStatus> {
  private final DFSClient client;
  private final String folder;
  private DirectoryListing firstPage;

  HdfsListingPages(DFSClient client, String folder, DirectoryListing firstPage) {
    this.client = requireNonNull(client, "client is null");
    this.folder = requireNonNull(folder, "folder is null");
    this.firstPage = requireNonNull(firstPage, "firstPage is null");
  }

  @Override
  public Page<HdfsFileStatus> after(byte[] startAfter) throws IOException {
    DirectoryListing listing;
    if (startAfter.length == 0 && firstPage != null) {
      listing = firstPage;
      firstPage = null;
    } else {
      listing = client.listPaths(folder, startAfter);
    }
    if (listing == null) {
      throw new FileNotFoundException(folder + " was deleted while it was listed");
    }
    List<Entry<HdfsFileStatus>> entries = new ArrayList<>();
    for (HdfsFileStatus status : listing.getPartialListing()) {
      entries.add(new Entry<>(status.getLocalNameInBytes(), status));
    }
    return new Page<>(entries, listing.hasMore());
  }
}
