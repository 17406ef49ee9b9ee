package io.metasync.master;

import io.metasync.ufs.ForwardingUnderFileSystem;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Records the UFS folders listed, and can make the listings of a set of folders meet: each of them
 * waits until all of them have started, so a sync that lists them one after the other fails (after
 * a deadline) instead of passing.
 */
final class RendezvousListingUnderFileSystem extends ForwardingUnderFileSystem {
  private final Queue<String> listed = new ConcurrentLinkedQueue<>();
  private volatile Set<String> meeting = Set.of();
  private volatile CountDownLatch arrived = new CountDownLatch(0);

  RendezvousListingUnderFileSystem(UnderFileSystem delegate) {
    super(delegate);
  }

  /** From now on, the listings of {@code ufsPaths} each wait until all of them have started. */
  void meet(Set<String> ufsPaths) {
    arrived = new CountDownLatch(ufsPaths.size());
    meeting = Set.copyOf(ufsPaths);
  }

  /** The UFS paths listed since the last {@link #clear}, in order. */
  List<String> listed() {
    return List.copyOf(listed);
  }

  void clear() {
    listed.clear();
  }

  @Override
  public UfsListing list(String path) throws IOException {
    listed.add(path);
    if (meeting.contains(path)) {
      CountDownLatch latch = arrived;
      latch.countDown();
      try {
        if (!latch.await(30, TimeUnit.SECONDS)) {
          throw new IOException(
              "the listings of " + meeting + " never ran at the same time: " + listed);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted at the rendezvous", e);
      }
    }
    return delegate().list(path);
  }
}
