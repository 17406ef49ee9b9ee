package io.metasync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Calls per second from several threads started together and stopped at one deadline. */
final class Throughput {
  /** One call; {@code index} lets each call pick its own path. */
  interface Call {
    void run(int index) throws Exception;
  }

  private Throughput() {}

  static double callsPerSecond(ExecutorService pool, int threads, Call call, long sliceNanos)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] deadline = new long[1];
    List<Future<Long>> counts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * 997;
      counts.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                long count = 0;
                while (System.nanoTime() < deadline[0]) {
                  call.run(offset + (int) count);
                  count++;
                }
                return count;
              }));
    }
    ready.await();
    long start = System.nanoTime();
    // Written before the latch opens, so every thread sees it once it passes go.await().
    deadline[0] = start + sliceNanos;
    go.countDown();
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    return total / ((System.nanoTime() - start) / 1e9);
  }
}
