package io.metasync.bench;

import io.metasync.client.CloseableIterator;
import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.common.Ticker;
import java.io.ByteArrayInputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A mixed workload of 32 client threads (getStatus 70%, listStatus 20%, create/rename/delete 10%)
 * through metasync (a master in its own JVM, interval -1, over a local folder) against the same mix
 * on the local folder directly (java.nio), sides alternating: throughput, p50/p99/p99.9 latency and
 * the master's CPU per operation. {@code -Dmetasync.bench.mixed.seconds} (default 30) sets how long
 * each side runs per round. Not part of {@code all}.
 */
final class MixedScenario {
  private static final String NAME = "mixed";
  private static final int THREADS = 32;
  private static final int CLIENTS = 4;
  private static final int CLOCK_TICKS_PER_SECOND = 100;

  private MixedScenario() {}

  /** What one side did in one round. */
  private record Round(long operations, double seconds, long[] latencies, int count) {
    double opsPerSecond() {
      return operations / seconds;
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%,.0f ops/s; p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms",
          opsPerSecond(),
          Summary.percentile(latencies, count, 0.50) / 1e6,
          Summary.percentile(latencies, count, 0.99) / 1e6,
          Summary.percentile(latencies, count, 0.999) / 1e6);
    }
  }

  static void run(BenchContext context, Path folder) throws Exception {
    Ticker ticker = context.ticker();
    double seconds = Double.parseDouble(System.getProperty("metasync.bench.mixed.seconds", "30"));
    MixedTree tree = new MixedTree(folder.resolve("ufs"), 100, 1_000, THREADS);
    Progress.log("mixed: preparing %s (%,d files)", tree.path(), 100 * 1_000);
    tree.prepare();
    Path home = folder.resolve("master");
    FolderDeletion.delete(home);
    List<MetasyncClient> clients = new ArrayList<>();
    try (MasterJvm master = new MasterJvm(home, tree.ufsRoot(), context.ticker(), "-Xmx2g")) {
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(MetasyncClient.connect("localhost", master.port, BenchMaster.CACHED));
      }
      clients.get(0).loadMetadata(tree.path(), true, progress -> {});
      IntFunction<MixedWorkload.Operations> metasync =
          thread -> metasyncOperations(clients.get(thread % CLIENTS));
      IntFunction<MixedWorkload.Operations> local = thread -> localOperations(tree);
      int rounds = Math.max(1, Math.min(3, context.options().measuredRounds()));
      runRound(tree, metasync, seconds / 4, ticker);
      runRound(tree, local, seconds / 4, ticker);
      for (int round = 0; round < rounds; round++) {
        String loadBefore = LoadAverage.now();
        long cpuBefore = cpuTicks(master.process.pid());
        Round ours = runRound(tree, metasync, seconds, ticker);
        double cpuMicrosPerOp =
            (cpuTicks(master.process.pid()) - cpuBefore)
                * 1e6
                / CLOCK_TICKS_PER_SECOND
                / ours.operations;
        Round theirs = runRound(tree, local, seconds, ticker);
        String what =
            String.format(
                Locale.ROOT,
                "round %d/%d, %d threads, %.0f s a side (load average %s → %s)",
                round + 1,
                rounds,
                THREADS,
                seconds,
                loadBefore,
                LoadAverage.now());
        context
            .table()
            .figure(
                NAME,
                what,
                String.format(
                    Locale.ROOT,
                    "metasync %s; master CPU %.0f µs/op; %.2fx the local folder's throughput",
                    ours.describe(),
                    cpuMicrosPerOp,
                    ours.opsPerSecond() / theirs.opsPerSecond()),
                "local folder (java.nio) " + theirs.describe());
      }
      master.stop();
    } finally {
      for (MetasyncClient client : clients) {
        client.close();
      }
      FolderDeletion.delete(home);
    }
  }

  private static Round runRound(
      MixedTree tree, IntFunction<MixedWorkload.Operations> side, double seconds, Ticker ticker)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<MixedWorkload> workloads = new ArrayList<>();
      List<Future<Long>> done = new ArrayList<>();
      long start = ticker.nanos();
      long deadline = start + (long) (seconds * 1e9);
      for (int thread = 0; thread < THREADS; thread++) {
        MixedWorkload workload = new MixedWorkload(side.apply(thread), tree, thread, ticker);
        workloads.add(workload);
        done.add(pool.submit(() -> workload.runUntil(deadline)));
      }
      long operations = 0;
      for (Future<Long> count : done) {
        operations += count.get();
      }
      double elapsed = (ticker.nanos() - start) / 1e9;
      int total = workloads.stream().mapToInt(MixedWorkload::count).sum();
      long[] latencies = new long[total];
      int at = 0;
      for (MixedWorkload workload : workloads) {
        System.arraycopy(workload.latencies(), 0, latencies, at, workload.count());
        at += workload.count();
        workload.finish();
      }
      Arrays.sort(latencies);
      return new Round(operations, elapsed, latencies, total);
    } finally {
      pool.shutdownNow();
    }
  }

  private static MixedWorkload.Operations metasyncOperations(MetasyncClient client) {
    return new MixedWorkload.Operations() {
      @Override
      public void getStatus(String path) {
        client.getStatus(path);
      }

      @Override
      public void listStatus(String path) {
        try (CloseableIterator<FileStatus> entries = client.listStatus(path, false)) {
          entries.forEachRemaining(entry -> {});
        }
      }

      @Override
      public void create(String path) throws Exception {
        client.createFile(path, new ByteArrayInputStream(new byte[] {1}));
      }

      @Override
      public void rename(String source, String destination) {
        client.rename(source, destination);
      }

      @Override
      public void delete(String path) {
        client.delete(path, false);
      }
    };
  }

  private static MixedWorkload.Operations localOperations(MixedTree tree) {
    return new MixedWorkload.Operations() {
      @Override
      public void getStatus(String path) throws Exception {
        Files.readAttributes(tree.local(path), PosixFileAttributes.class);
      }

      @Override
      public void listStatus(String path) throws Exception {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tree.local(path))) {
          for (Path entry : entries) {
            Files.readAttributes(entry, PosixFileAttributes.class);
          }
        }
      }

      @Override
      public void create(String path) throws Exception {
        Files.write(tree.local(path), new byte[] {1}, StandardOpenOption.CREATE_NEW);
      }

      @Override
      public void rename(String source, String destination) throws Exception {
        Files.move(tree.local(source), tree.local(destination));
      }

      @Override
      public void delete(String path) throws Exception {
        Files.delete(tree.local(path));
      }
    };
  }

  /** User and system CPU of a process, in clock ticks (/proc/PID/stat fields 14 and 15). */
  private static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
