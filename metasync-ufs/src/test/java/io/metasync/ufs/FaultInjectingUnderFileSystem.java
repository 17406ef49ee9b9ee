package io.metasync.ufs;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Makes chosen calls of a UFS fail, so tests can prove that a UFS error is never taken for absence.
 * A failing call throws the very exception it was given and does not reach the delegate.
 * Thread-safe.
 */
public final class FaultInjectingUnderFileSystem extends ForwardingUnderFileSystem {
  // Guarded by this.
  private final Map<UfsOperation, Deque<IOException>> nextFailures =
      new EnumMap<>(UfsOperation.class);
  private final Map<UfsOperation, IOException> alwaysFailures = new EnumMap<>(UfsOperation.class);
  private ListingFault listingFault;

  public FaultInjectingUnderFileSystem(UnderFileSystem delegate) {
    super(delegate);
  }

  /**
   * Makes the next call of {@code operation} throw {@code error}; several calls queue several
   * failures, used up before any {@link #failAlways} one.
   */
  public synchronized void failNext(UfsOperation operation, IOException error) {
    requireNonNull(operation, "operation is null");
    requireNonNull(error, "error is null");
    nextFailures.computeIfAbsent(operation, key -> new ArrayDeque<>()).add(error);
  }

  /** Makes every call of {@code operation} throw {@code error} until {@link #heal()}. */
  public synchronized void failAlways(UfsOperation operation, IOException error) {
    requireNonNull(operation, "operation is null");
    requireNonNull(error, "error is null");
    alwaysFailures.put(operation, error);
  }

  /**
   * Makes the next listing return {@code entries} entries and then throw {@code error} from {@code
   * hasNext()} and {@code next()}. A folder with fewer entries fails where its listing would have
   * ended, so the fault always fires.
   */
  public synchronized void failListingAfter(int entries, IOException error) {
    checkArgument(entries >= 0, "entries is negative: %s", entries);
    listingFault = new ListingFault(entries, requireNonNull(error, "error is null"));
  }

  /** Removes every injected failure; listings already handed out keep theirs. */
  public synchronized void heal() {
    nextFailures.clear();
    alwaysFailures.clear();
    listingFault = null;
  }

  private void check(UfsOperation operation) throws IOException {
    IOException error = failureFor(operation);
    if (error != null) {
      throw error;
    }
  }

  private synchronized IOException failureFor(UfsOperation operation) {
    Deque<IOException> queued = nextFailures.get(operation);
    if (queued != null && !queued.isEmpty()) {
      return queued.poll();
    }
    return alwaysFailures.get(operation);
  }

  private synchronized ListingFault takeListingFault() {
    ListingFault fault = listingFault;
    listingFault = null;
    return fault;
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    check(UfsOperation.GET_STATUS);
    return super.getStatus(path);
  }

  @Override
  public UfsListing list(String path) throws IOException {
    check(UfsOperation.LIST);
    UfsListing listing = super.list(path);
    ListingFault fault = takeListingFault();
    return fault == null ? listing : new FailingListing(listing, fault);
  }

  @Override
  public UfsStatus mkdir(String path, int mode) throws IOException {
    check(UfsOperation.MKDIR);
    return super.mkdir(path, mode);
  }

  @Override
  public UfsOutputStream create(String path, int mode) throws IOException {
    check(UfsOperation.CREATE);
    return super.create(path, mode);
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    check(UfsOperation.OPEN);
    return super.open(path, offset);
  }

  @Override
  public void delete(String path, boolean recursive) throws IOException {
    check(UfsOperation.DELETE);
    super.delete(path, recursive);
  }

  @Override
  public void delete(String path, boolean recursive, LongConsumer deletedEntries)
      throws IOException {
    check(UfsOperation.DELETE);
    // the delegate's, not super's: the default would come back to delete(path, recursive) above
    delegate().delete(path, recursive, deletedEntries);
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    check(UfsOperation.RENAME);
    super.rename(source, destination);
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    check(UfsOperation.SET_MODE);
    super.setMode(path, mode);
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    check(UfsOperation.SET_OWNER);
    super.setOwner(path, owner, group);
  }

  private record ListingFault(int entries, IOException error) {}

  /** Hands out the first entries of a listing, then fails for good. */
  private static final class FailingListing implements UfsListing {
    private final UfsListing delegate;
    private final ListingFault fault;
    private int delivered;

    FailingListing(UfsListing delegate, ListingFault fault) {
      this.delegate = delegate;
      this.fault = fault;
    }

    @Override
    public boolean hasNext() throws IOException {
      if (delivered >= fault.entries() || !delegate.hasNext()) {
        throw fault.error();
      }
      return true;
    }

    @Override
    public UfsStatus next() throws IOException {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      delivered++;
      return delegate.next();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
