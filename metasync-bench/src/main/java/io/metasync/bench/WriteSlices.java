package io.metasync.bench;

import io.metasync.common.Ticker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Timed slices of writes from 1 or more threads, each thread in a folder of its own, and the paired
 * comparison of a metasync side with a direct one that the writes scenario's tables are made of.
 * The figure is wall time per write (slice time / writes completed by all threads).
 */
final class WriteSlices {
  /** One write of a slice, by the thread writing in {@code folder}, its {@code index}-th. */
  @FunctionalInterface
  interface Write {
    void run(String folder, int index) throws Exception;
  }

  /** Readies the folder one thread writes into, before the clock starts. */
  @FunctionalInterface
  interface Prepare {
    void run(String folder) throws Exception;
  }

  /**
   * One side of a comparison: how a thread's folder is readied, one write, and at most how many
   * writes a thread makes in a slice (the files a delete slice prepared), the slice ending early
   * when every thread has made them.
   */
  record Side(Prepare prepare, Write write, int maxWritesPerThread) {
    Side(Prepare prepare, Write write) {
      this(prepare, write, Integer.MAX_VALUE);
    }
  }

  /** What a comparison measures, for its table row. */
  record Case(String op, String ufs, int threads, String what) {
    String label() {
      return String.format("%s %s %d thread%s", op, ufs, threads, threads == 1 ? "" : "s");
    }
  }

  private static final AtomicInteger SLICES = new AtomicInteger();

  private final BenchContext context;
  private final ExecutorService pool;
  private final Map<String, Double> throughput;

  /**
   * @param throughput where each comparison puts its writes per second, by {@code
   *     op|ufs|threads|metasync} and {@code ...|direct}
   */
  WriteSlices(BenchContext context, ExecutorService pool, Map<String, Double> throughput) {
    this.context = context;
    this.pool = pool;
    this.throughput = throughput;
  }

  void compare(Case measured, Side metasync, Side direct) throws Exception {
    BenchOptions options = context.options();
    long sliceNanos = (long) (options.sliceSeconds() * 1e9);
    String scratch = context.fixtures().scratchPath() + "/writes";
    PairedRounds.Result result =
        PairedRounds.run(
            "writes " + measured.label(),
            "µs/write",
            options,
            () -> slice(measured.threads(), sliceNanos, scratch, metasync),
            () -> slice(measured.threads(), sliceNanos, scratch, direct));
    context
        .table()
        .add(
            "writes",
            String.format(
                "%s, %s, %d thread%s: %s",
                measured.op(),
                measured.ufs(),
                measured.threads(),
                measured.threads() == 1 ? "" : "s",
                measured.what()),
            "µs of wall time per write",
            result,
            measured.threads() == 8 ? "issue goal: ≤ 1.3× at 8 threads" : "–");
    String key = measured.op() + "|" + measured.ufs() + "|" + measured.threads() + "|";
    throughput.put(key + "metasync", 1e6 / Summary.of(result.metasync()).median());
    throughput.put(key + "direct", 1e6 / Summary.of(result.baseline()).median());
  }

  /**
   * Runs {@code threads} writers for one slice, each in a new folder of its own.
   *
   * @return microseconds of wall time per completed write
   */
  private double slice(int threads, long sliceNanos, String scratch, Side side) throws Exception {
    Ticker ticker = context.ticker();
    String base = scratch + "/s" + SLICES.incrementAndGet();
    String[] folders = new String[threads];
    for (int t = 0; t < threads; t++) {
      folders[t] = base + "/t" + t;
      side.prepare().run(folders[t]);
    }
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] deadline = new long[1];
    List<Future<Long>> counts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String folder = folders[t];
      counts.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                long count = 0;
                while (count < side.maxWritesPerThread() && ticker.nanos() < deadline[0]) {
                  side.write().run(folder, (int) count);
                  count++;
                }
                return count;
              }));
    }
    ready.await();
    long start = ticker.nanos();
    deadline[0] = start + sliceNanos;
    go.countDown();
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    double micros = (ticker.nanos() - start) / 1e3;
    return micros / total;
  }
}
