package io.metasync.master.mount;

import static java.util.Objects.requireNonNull;

import io.metasync.common.CauseChain;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsOutputStream;
import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A mount's UFS, connected on first use. Replaying a mount from the journal must not touch the UFS,
 * and a UFS that is down at start-up must fail only the calls that need it: both follow from
 * opening late. A failure to open is an I/O failure (UNAVAILABLE), never "does not exist"; so is a
 * UFS whose folder now resolves to another one than it was mounted as (see {@link
 * #checkSameFolder}).
 */
public final class LazyUnderFileSystem implements UnderFileSystem {
  private final URI rootUri;
  private final Map<String, String> properties;
  private final UfsOpener opener;
  private UnderFileSystem delegate;

  public LazyUnderFileSystem(URI rootUri, Map<String, String> properties, UfsOpener opener) {
    this.rootUri = requireNonNull(rootUri, "rootUri is null");
    this.properties = Map.copyOf(properties);
    this.opener = requireNonNull(opener, "opener is null");
  }

  private synchronized UnderFileSystem delegate() throws IOException {
    if (delegate == null) {
      UnderFileSystem opened;
      try {
        opened = opener.open(rootUri, properties);
      } catch (UfsRefusedException e) {
        throw new UfsRefusedException(e.reason(), connectFailure(e), e);
      } catch (IOException e) {
        throw new IOException(connectFailure(e), e);
      }
      checkSameFolder(opened);
      delegate = opened;
    }
    return delegate;
  }

  private String connectFailure(IOException error) {
    return "cannot connect to the UFS " + rootUri + ": " + CauseChain.describe(error);
  }

  /**
   * A mount keeps the folder it resolved to when it was mounted (a local folder's real path). If
   * that URI now resolves elsewhere, a link was put in its place or above it since: serving the
   * link's target would skip the overlap check, so the mount is refused until it is mounted again.
   */
  private void checkSameFolder(UnderFileSystem opened) throws IOException {
    if (!MountTable.sameFolder(opened.rootUri(), rootUri)) {
      IOException moved =
          new IOException(
              "the UFS folder "
                  + rootUri
                  + " now resolves to "
                  + opened.rootUri()
                  + " (a link was put in its place or above it since it was mounted);"
                  + " unmount it and mount it again");
      try {
        opened.close();
      } catch (IOException e) {
        moved.addSuppressed(e);
      }
      throw moved;
    }
  }

  @Override
  public URI rootUri() {
    return rootUri;
  }

  /** 0 until the UFS is opened: an unopened UFS was asked nothing. */
  @Override
  public synchronized long throttledRequests() {
    return delegate == null ? 0 : delegate.throttledRequests();
  }

  @Override
  public void checkPathLength(String path) throws IOException {
    delegate().checkPathLength(path);
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    return delegate().getStatus(path);
  }

  @Override
  public UfsListing list(String path) throws IOException {
    return delegate().list(path);
  }

  @Override
  public UfsStatus mkdir(String path, int mode) throws IOException {
    return delegate().mkdir(path, mode);
  }

  @Override
  public UfsOutputStream create(String path, int mode) throws IOException {
    return delegate().create(path, mode);
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    return delegate().open(path, offset);
  }

  @Override
  public void delete(String path, boolean recursive) throws IOException {
    delegate().delete(path, recursive);
  }

  @Override
  public void delete(String path, boolean recursive, LongConsumer deletedEntries)
      throws IOException {
    delegate().delete(path, recursive, deletedEntries);
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    delegate().rename(source, destination);
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    delegate().setMode(path, mode);
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    delegate().setOwner(path, owner, group);
  }

  @Override
  public ChangeFeed openChangeFeed(FeedCursor resumeFrom, Duration pollInterval)
      throws IOException {
    return delegate().openChangeFeed(resumeFrom, pollInterval);
  }

  @Override
  public synchronized void close() throws IOException {
    if (delegate != null) {
      delegate.close();
      delegate = null;
    }
  }
}
