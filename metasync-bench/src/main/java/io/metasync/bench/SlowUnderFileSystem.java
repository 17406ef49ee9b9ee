package io.metasync.bench;

import static java.util.Objects.requireNonNull;

import io.metasync.ufs.ForwardingUnderFileSystem;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsOutputStream;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The master's side of a slow NameNode: an HDFS UFS whose every NameNode call waits {@link
 * NameNodeLatency}'s delay more. {@code getStatus} is one call; a listing is one call per page of
 * {@link NameNodeLatency#PAGE} entries, as {@code HdfsUnderFileSystem} reads it (an ASCII-named
 * folder is read page after page with no extra call); each write is counted as one call.
 */
final class SlowUnderFileSystem extends ForwardingUnderFileSystem {
  private final NameNodeLatency latency;

  SlowUnderFileSystem(UnderFileSystem delegate, NameNodeLatency latency) {
    super(delegate);
    this.latency = requireNonNull(latency, "latency is null");
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    latency.call();
    return super.getStatus(path);
  }

  @Override
  public UfsListing list(String path) throws IOException {
    latency.call();
    UfsListing listing = super.list(path);
    NameNodeLatency.Pages pages = latency.new Pages();
    return new UfsListing() {
      @Override
      public boolean hasNext() throws IOException {
        return listing.hasNext();
      }

      @Override
      public UfsStatus next() throws IOException {
        pages.beforeEntry();
        return listing.next();
      }

      @Override
      public void close() throws IOException {
        listing.close();
      }
    };
  }

  @Override
  public UfsStatus mkdir(String path, int mode) throws IOException {
    latency.call();
    return super.mkdir(path, mode);
  }

  @Override
  public UfsOutputStream create(String path, int mode) throws IOException {
    latency.call();
    return super.create(path, mode);
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    latency.call();
    return super.open(path, offset);
  }

  @Override
  public void delete(String path, boolean recursive) throws IOException {
    latency.call();
    super.delete(path, recursive);
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    latency.call();
    super.rename(source, destination);
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    latency.call();
    super.setMode(path, mode);
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    latency.call();
    super.setOwner(path, owner, group);
  }
}
