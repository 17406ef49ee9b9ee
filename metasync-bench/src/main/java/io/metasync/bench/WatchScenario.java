package io.metasync.bench;

import io.metasync.client.ChangeWatch;
import io.metasync.client.MetasyncClient;
import io.metasync.common.Ticker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Change subscription (issue 18): {@link #WATCHERS} watchers of one folder while {@link #CHANGES}
 * folders are created in it through metasync by {@link #WRITERS} client threads. The master runs in
 * a JVM of its own ({@link MasterJvm}), so its CPU ({@code /proc/PID/stat}) is its own; the
 * watchers are streams of one client in this JVM, each read by its own thread. Delivery latency is
 * from the write's call to the watcher's receipt of its change, for every (watcher, change) pair.
 */
final class WatchScenario {
  private static final String NAME = "watch";
  private static final int WATCHERS = 1_000;
  private static final int CHANGES = 10_000;
  private static final int WRITERS = 8;
  private static final String FOLDER = "/watched";
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private WatchScenario() {}

  static void run(BenchContext context, Path folder) throws Exception {
    FolderDeletion.delete(folder);
    Ticker ticker = context.ticker();
    int watchers = WATCHERS; // --quick makes fewer changes, never fewer watchers
    int changes = CHANGES / context.options().scale();
    Path ufs = Files.createDirectories(folder.resolve("ufs"));
    String loadBefore = LoadAverage.now();
    try (MasterJvm master = new MasterJvm(folder.resolve("master"), ufs, ticker, "-Xmx1g");
        MetasyncClient client =
            MetasyncClient.connect("localhost", master.port, BenchMaster.CACHED)) {
      client.createDirectory(FOLDER, false);
      Map<String, Long> writtenAt = new ConcurrentHashMap<>();
      long[][] latencies = new long[watchers][changes];
      AtomicInteger failedWatchers = new AtomicInteger();
      ExecutorService readers = Executors.newFixedThreadPool(watchers);
      CountDownLatch subscribed = new CountDownLatch(watchers);
      List<Future<Integer>> received = new ArrayList<>();
      for (int w = 0; w < watchers; w++) {
        long[] mine = latencies[w];
        received.add(
            readers.submit(
                () -> {
                  int got = 0;
                  try (ChangeWatch watch =
                      client.watches().watch(FOLDER, false, OptionalLong.empty())) {
                    subscribed.countDown();
                    while (got < changes && watch.hasNext()) {
                      for (ChangeWatch.Change change : watch.next().changes()) {
                        long now = ticker.nanos();
                        Long start = writtenAt.get(change.path());
                        if (start != null && got < changes) {
                          mine[got++] = now - start;
                        }
                      }
                    }
                  } catch (RuntimeException e) {
                    failedWatchers.incrementAndGet();
                    Progress.log("watch: a watcher failed: %s", e.getMessage());
                  }
                  return got;
                }));
      }
      if (!subscribed.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("watch: the watchers did not subscribe within 2 minutes");
      }
      Progress.log("watch: %,d watchers subscribed; writing %,d folders", watchers, changes);
      long cpuBefore = cpuTicks(master);
      long start = ticker.nanos();
      write(client, writtenAt, changes, ticker);
      double writeSeconds = (ticker.nanos() - start) / 1e9;
      long delivered = 0;
      for (Future<Integer> future : received) {
        delivered += future.get(10, TimeUnit.MINUTES);
      }
      double allSeconds = (ticker.nanos() - start) / 1e9;
      double cpuSeconds = (cpuTicks(master) - cpuBefore) / (double) CLOCK_TICKS_PER_SECOND;
      readers.shutdownNow();
      long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
      Arrays.sort(all);
      context
          .table()
          .figure(
              NAME,
              String.format(
                  Locale.ROOT,
                  "%,d watchers of one folder, %,d folders created in it by %d client threads:"
                      + " delivery latency, write call to receipt, every watcher and change",
                  watchers,
                  changes,
                  WRITERS),
              String.format(
                  Locale.ROOT,
                  "p50 %.1f ms, p99 %.1f ms, max %.1f ms; %,d of %,d delivered; %d watchers"
                      + " failed",
                  percentile(all, 0.50),
                  percentile(all, 0.99),
                  all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                  delivered,
                  (long) watchers * changes,
                  failedWatchers.get()),
              "issue 18: report p99 and master CPU");
      context
          .table()
          .figure(
              NAME,
              "master CPU (its own JVM, /proc) from the first write to the last delivery",
              String.format(
                  Locale.ROOT,
                  "%.1f CPU-s in %.1f s (writes took %.1f s: %,.0f writes/s); %.0f µs of CPU per"
                      + " delivered change",
                  cpuSeconds,
                  allSeconds,
                  writeSeconds,
                  changes / writeSeconds,
                  delivered == 0 ? 0 : cpuSeconds * 1e6 / delivered),
              "");
    }
    context.table().note("watch: load average before %s, after %s", loadBefore, LoadAverage.now());
    FolderDeletion.delete(folder);
  }

  private static void write(
      MetasyncClient client, Map<String, Long> writtenAt, int changes, Ticker ticker)
      throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < WRITERS; t++) {
        int thread = t;
        done.add(
            writers.submit(
                () -> {
                  for (int n = thread; n < changes; n += WRITERS) {
                    String path = FOLDER + "/d" + n;
                    writtenAt.put(path, ticker.nanos());
                    client.createDirectory(path, false);
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      writers.shutdownNow();
    }
  }

  private static double percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1e6;
  }

  /** User and system CPU of the master's process, in clock ticks. */
  private static long cpuTicks(MasterJvm master) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(master.process.pid()), "stat"));
    // fields after the command name, which is in parentheses and may hold spaces
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
