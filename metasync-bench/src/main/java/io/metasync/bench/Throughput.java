package io.metasync.bench;

import io.metasync.common.Ticker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Calls per second from one thread (with its latency quantiles) or from several threads started
 * together and stopped at one deadline.
 */
final class Throughput {
  /** One call; {@code index} lets each call pick its own path. */
  interface Call {
    void run(int index) throws Exception;
  }

  /** One thread's slice: its calls per second and its latency quantiles in microseconds. */
  record Latencies(double callsPerSecond, double p50Micros, double p99Micros) {}

  private Throughput() {}

  /** One thread calling {@code call} back to back for {@code sliceNanos}, each call timed. */
  static Latencies singleThread(Call call, long sliceNanos, Ticker ticker) throws Exception {
    long[] latencies = new long[1 << 16];
    int count = 0;
    long start = ticker.nanos();
    long deadline = start + sliceNanos;
    long end = start;
    while (end < deadline) {
      long before = ticker.nanos();
      call.run(count);
      end = ticker.nanos();
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = end - before;
    }
    return new Latencies(
        count / ((end - start) / 1e9),
        Summary.percentile(latencies, count, 0.50) / 1e3,
        Summary.percentile(latencies, count, 0.99) / 1e3);
  }

  static double callsPerSecond(
      ExecutorService pool, int threads, Call call, long sliceNanos, Ticker ticker)
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
                while (ticker.nanos() < deadline[0]) {
                  call.run(offset + (int) count);
                  count++;
                }
                return count;
              }));
    }
    ready.await();
    long start = ticker.nanos();
    // Written before the latch opens, so every thread sees it once it passes go.await().
    deadline[0] = start + sliceNanos;
    go.countDown();
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    return total / ((ticker.nanos() - start) / 1e9);
  }
}
