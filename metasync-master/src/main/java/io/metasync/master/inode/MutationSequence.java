package io.metasync.master.inode;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers every namespace mutation in the order it is applied. A sync notes the number when it
 * begins; an inode whose {@code updateSeq} is higher was changed by a write after the sync's UFS
 * listing, and the sync must not undo that change (invariant 3). With the journal this becomes the
 * log index.
 */
public final class MutationSequence {
  private final AtomicLong last = new AtomicLong();

  /** The number of the most recent mutation. */
  public long current() {
    return last.get();
  }

  /** A number for a new mutation, higher than every earlier one. */
  public long next() {
    return last.incrementAndGet();
  }
}
