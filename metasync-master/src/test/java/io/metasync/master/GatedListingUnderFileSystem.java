package io.metasync.master;

import io.metasync.ufs.ForwardingUnderFileSystem;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds listings of one folder at a gate after the UFS has been read, so a test can act while a
 * sync holds a listing that predates the act.
 */
final class GatedListingUnderFileSystem extends ForwardingUnderFileSystem {
  private volatile String gatedPath;
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final AtomicInteger waiting = new AtomicInteger();

  GatedListingUnderFileSystem(UnderFileSystem delegate) {
    super(delegate);
  }

  /** Listings of {@code ufsPath} wait until {@link #open} from now on. */
  void close(String ufsPath) {
    gate = new CountDownLatch(1);
    gatedPath = ufsPath;
  }

  void open() {
    gatedPath = null;
    gate.countDown();
  }

  /** Listings currently held at the gate. */
  int waiting() {
    return waiting.get();
  }

  @Override
  public UfsListing list(String path) throws IOException {
    UfsListing listing = delegate().list(path);
    if (path.equals(gatedPath)) {
      waiting.incrementAndGet();
      try {
        if (!gate.await(60, TimeUnit.SECONDS)) {
          throw new IOException("test gate never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted at the test gate", e);
      } finally {
        waiting.decrementAndGet();
      }
    }
    return listing;
  }
}
