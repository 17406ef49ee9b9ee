package io.metasync.bench;

import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.common.FileType;
import io.metasync.common.Ticker;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Cached {@code getStatus} (interval -1, path already loaded) against an empty call ({@code ping})
 * on the same channel: the gRPC floor. At 1 thread (throughput and latency) and at 8 threads
 * (throughput), in alternating time slices.
 */
final class GetStatusScenario {
  private static final String NAME = "getStatus";
  private static final int THREADS = 8;

  private GetStatusScenario() {}

  static void run(BenchContext context) throws Exception {
    BenchOptions options = context.options();
    Fixtures fixtures = context.fixtures();
    MetasyncClient client = context.cachedMaster().client();
    client
        .withOptions(BenchMaster.CACHED)
        .loadMetadata(fixtures.smallPath(), false, progress -> {});
    String[] paths = new String[fixtures.smallWidth()];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = fixtures.smallPath() + "/" + Fixtures.fileName(i);
    }
    FileStatus first = client.withOptions(BenchMaster.CACHED).getStatus(paths[0]);
    if (first.type() != FileType.FILE || !first.path().equals(paths[0])) {
      throw new IllegalStateException("unexpected status " + first);
    }
    Throughput.Call getStatus =
        index -> client.withOptions(BenchMaster.CACHED).getStatus(paths[index % paths.length]);
    Throughput.Call ping = index -> client.ping();
    long sliceNanos = (long) (options.sliceSeconds() * 1e9);
    Ticker ticker = context.ticker();

    LatencyRounds.Result oneThread =
        LatencyRounds.run("getStatus 1 thread", options, ticker, getStatus, ping);
    ResultTable table = context.table();
    table.add(
        NAME,
        "1 thread: cached getStatus vs ping",
        "ops/s",
        oneThread.throughput(),
        "Alluxio cached getStatus 3.0–3.8k ops/s; NameNode getFileStatus 6.7–7.7k ops/s");
    table.add(
        NAME,
        "1 thread, p50 latency",
        "µs",
        oneThread.p50Micros(),
        "gRPC floor p50 120–160 µs; Alluxio p50 234–290 µs");
    table.add(NAME, "1 thread, p99 latency", "µs", oneThread.p99Micros(), "–");

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      PairedRounds.Result eightThreads =
          PairedRounds.run(
              "getStatus " + THREADS + " threads",
              "ops/s",
              options,
              () -> multiThread(pool, getStatus, sliceNanos, ticker),
              () -> multiThread(pool, ping, sliceNanos, ticker));
      table.add(
          NAME,
          THREADS + " threads, one channel: cached getStatus vs ping",
          "ops/s",
          eightThreads,
          "Alluxio 8.5–13.9k ops/s; NameNode 18–22k ops/s; gRPC 4 threads 12.7–24k calls/s");
    } finally {
      pool.shutdownNow();
    }
  }

  private static double multiThread(
      ExecutorService pool, Throughput.Call call, long sliceNanos, Ticker ticker) throws Exception {
    return Throughput.callsPerSecond(pool, THREADS, call, sliceNanos, ticker);
  }
}
