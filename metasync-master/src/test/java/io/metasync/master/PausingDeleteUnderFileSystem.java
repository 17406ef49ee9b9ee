package io.metasync.master;

import io.metasync.ufs.ForwardingUnderFileSystem;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Holds a counted delete once it has deleted a given number of entries, until the test releases it,
 * so a test can watch a delete's progress midway without timing luck. Can also delete without
 * counting, as a UFS that deletes a tree in one call does (HDFS). Other calls pass through.
 */
public final class PausingDeleteUnderFileSystem extends ForwardingUnderFileSystem {
  private volatile long pauseAfter = Long.MAX_VALUE;
  private volatile CountDownLatch release = new CountDownLatch(0);
  private volatile boolean counting = true;

  public PausingDeleteUnderFileSystem(UnderFileSystem delegate) {
    super(delegate);
  }

  /** The next deletes stop once they have deleted {@code entries} entries, until released. */
  public void pauseAfter(long entries) {
    release = new CountDownLatch(1);
    pauseAfter = entries;
  }

  /** Lets a held delete (and the next ones) go on. */
  public void release() {
    pauseAfter = Long.MAX_VALUE;
    release.countDown();
  }

  /** Whether deletes report their entries ({@code false}: as HDFS, never). */
  public void counting(boolean counting) {
    this.counting = counting;
  }

  @Override
  public void delete(String path, boolean recursive, LongConsumer deletedEntries)
      throws IOException {
    if (!counting) {
      delegate().delete(path, recursive);
      return;
    }
    long limit = pauseAfter;
    CountDownLatch gate = release;
    long[] deleted = {0};
    delegate()
        .delete(
            path,
            recursive,
            entries -> {
              deletedEntries.accept(entries);
              long before = deleted[0];
              deleted[0] += entries;
              if (before < limit && deleted[0] >= limit) {
                await(gate);
              }
            });
  }

  private static void await(CountDownLatch gate) {
    try {
      if (!gate.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the paused delete");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the delete was paused", e);
    }
  }
}
