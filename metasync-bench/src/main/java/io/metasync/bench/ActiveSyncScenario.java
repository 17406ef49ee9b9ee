package io.metasync.bench;

import io.metasync.client.CallOptions;
import io.metasync.client.CloseableIterator;
import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.client.SyncPointInfo;
import io.metasync.common.ErrorCode;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.SyncInterval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Active sync over a local folder (Linux inotify through {@code LocalChangeFeed}), with a master in
 * this JVM set to {@code metasync.master.activesync.interval=1s} and the default {@code
 * maxactivity} (10) and {@code maxage} (10):
 *
 * <ol>
 *   <li>visibility latency: files created in the UFS behind metasync's back, in waves of 5, 50 and
 *       100 files created together, each wave after a random pause of 0–1 s (so waves fall at
 *       random phases of the 1 s tick); each file's latency is from the return of its {@code
 *       createFile} to the first {@code getStatus} with interval -1 and load type NEVER that finds
 *       it. The oldest file still pending is polled every {@link #POLL_MS} ms; once it is found,
 *       every pending file of the wave is checked (a file visible before the oldest one would be
 *       counted late by at most that gap; a sync re-lists the whole parent, so they appear
 *       together).
 *   <li>burst: {@link #BURST} files created by two threads in one synced folder; time from the
 *       first create until a listing with interval -1 and load type NEVER holds all of them.
 *   <li>idle CPU: this process's CPU time over {@link #IDLE_SECONDS} s, idle, with no sync point,
 *       then with 100 sync points (100 folders of 10 files), then after {@code stopSync} of all.
 *       The process is the bench plus the master; the bench sleeps while it is measured.
 * </ol>
 *
 * Each figure is measured on its own: there is no baseline run beside it. STACK.md's Alluxio figure
 * is 100 new HDFS files visible 11–12 s later at a 1 s interval.
 */
final class ActiveSyncScenario {
  private static final String NAME = "activesync";
  private static final CallOptions NO_UFS = new CallOptions(SyncInterval.NEVER, LoadType.NEVER);
  private static final Map<String, String> SETTINGS =
      Map.of("metasync.master.activesync.interval", "1s");
  private static final long POLL_MS = 2;
  private static final long TIMEOUT_NS = 120_000_000_000L;
  static final int BURST = 20_000;
  static final int IDLE_SECONDS = 20;
  private static final int IDLE_POINTS = 100;
  private static final String ALLUXIO =
      "Alluxio 2.9.6 on HDFS, interval 1 s: 100 new files visible 11–12 s later (4 pretended"
          + " CPUs; deadlocks on 2)";

  private ActiveSyncScenario() {}

  static void run(BenchContext context) throws Exception {
    int scale = context.options().scale();
    Path ufs = context.fixtures().ufsRoot().getParent().resolve("activesync-ufs");
    FolderDeletion.delete(ufs);
    Files.createDirectories(ufs);
    ResultTable table = context.table();
    try (BenchMaster master = BenchMaster.start(ufs, context.mastersFolder(), SETTINGS)) {
      latency(table, master.client(), ufs, 5, Math.max(20, 200 / scale), "–");
      latency(table, master.client(), ufs, 50, Math.max(100, 1_000 / scale), "–");
      latency(table, master.client(), ufs, 100, Math.max(100, 500 / scale), ALLUXIO);
      burst(table, master.client(), ufs, Math.max(1_000, BURST / scale));
    }
    idleCpu(table, context, ufs, Math.max(5, IDLE_SECONDS / scale));
    table.note(
        "activesync: local folder UFS (LocalChangeFeed, Linux inotify), not HDFS: the bench has no"
            + " HDFS fixture; master in the bench JVM, interval 1s, maxactivity 10, maxage 10"
            + " (defaults), initialsync true");
    FolderDeletion.delete(ufs);
  }

  // ---- 1. visibility latency

  private static void latency(
      ResultTable table, MetasyncClient client, Path ufs, int waveSize, int changes, String ref)
      throws Exception {
    String folder = "/latency-" + waveSize;
    Path dir = Files.createDirectories(ufs.resolve(folder.substring(1)));
    startSyncAndWait(client, folder);
    int waves = (changes + waveSize - 1) / waveSize;
    long[] latencies = new long[waves * waveSize];
    int n = 0;
    Random random = new Random(waveSize);
    long start = System.nanoTime();
    for (int w = 0; w < waves; w++) {
      Thread.sleep(random.nextInt(1_000));
      String[] paths = new String[waveSize];
      long[] created = new long[waveSize];
      for (int i = 0; i < waveSize; i++) {
        String name = String.format(Locale.ROOT, "w%04d-f%03d", w, i);
        Files.createFile(dir.resolve(name));
        created[i] = System.nanoTime();
        paths[i] = folder + "/" + name;
      }
      boolean[] seen = new boolean[waveSize];
      int oldest = 0;
      long deadline = System.nanoTime() + TIMEOUT_NS;
      while (oldest < waveSize) {
        if (!visible(client, paths[oldest])) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(paths[oldest] + " not visible after 120 s");
          }
          Thread.sleep(POLL_MS);
          continue;
        }
        long now = System.nanoTime();
        seen[oldest] = true;
        latencies[n++] = now - created[oldest];
        for (int i = oldest + 1; i < waveSize; i++) {
          if (!seen[i] && visible(client, paths[i])) {
            seen[i] = true;
            latencies[n++] = System.nanoTime() - created[i];
          }
        }
        while (oldest < waveSize && seen[oldest]) {
          oldest++;
        }
      }
      if ((w + 1) % Math.max(1, waves / 5) == 0) {
        Progress.log(
            "activesync: waves of %d: %d of %d waves, last wave's first file %.0f ms",
            waveSize, w + 1, waves, latencies[n - waveSize] / 1e6);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    table.figure(
        NAME,
        String.format(
            Locale.ROOT,
            "create in the UFS to visible with interval -1, waves of %d files (%,d changes, %d"
                + " waves), ms",
            waveSize,
            n,
            waves),
        String.format(
            Locale.ROOT,
            "p50 %s, p99 %s (min %s, max %s)",
            ResultTable.number(Summary.percentile(latencies, n, 0.50) / 1e6),
            ResultTable.number(Summary.percentile(latencies, n, 0.99) / 1e6),
            ResultTable.number(Summary.percentile(latencies, n, 0.0) / 1e6),
            ResultTable.number(Summary.percentile(latencies, n, 1.0) / 1e6)),
        ref);
    Progress.log("activesync: waves of %d done in %.0f s", waveSize, seconds);
  }

  private static boolean visible(MetasyncClient client, String path) {
    try {
      client.getStatus(path, NO_UFS);
      return true;
    } catch (MetasyncException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  // ---- 2. burst

  private static void burst(ResultTable table, MetasyncClient client, Path ufs, int files)
      throws Exception {
    String folder = "/burst";
    Path dir = Files.createDirectories(ufs.resolve("burst"));
    startSyncAndWait(client, folder);
    Progress.log("activesync: burst of %,d creates", files);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    long created;
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int first = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = first; i < files; i += 2) {
                    try {
                      Files.createFile(dir.resolve(Fixtures.fileName(i)));
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      created = System.nanoTime();
    } finally {
      pool.shutdownNow();
    }
    boolean wholeSubtree = false;
    int maxAge = 0;
    long lastCount = -1;
    long deadline = System.nanoTime() + TIMEOUT_NS;
    long visible;
    while (true) {
      for (SyncPointInfo point : client.syncPathList()) {
        if (point.path().equals(folder)) {
          wholeSubtree |= point.pendingChanges() < 0;
          maxAge = Math.max(maxAge, point.age());
        }
      }
      // the last file of each creating thread first: cheap, and a listing only once they show
      if (visible(client, folder + "/" + Fixtures.fileName(files - 1))
          && visible(client, folder + "/" + Fixtures.fileName(files - 2))) {
        long count = count(client, folder);
        if (count != lastCount) {
          Progress.log("activesync: burst: %,d of %,d visible", count, files);
          lastCount = count;
        }
        if (count >= files) {
          visible = System.nanoTime();
          break;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("burst not visible after 120 s: " + lastCount);
      }
      Thread.sleep(20);
    }
    double total = (visible - start) / 1e9;
    double createSeconds = (created - start) / 1e9;
    table.figure(
        NAME,
        String.format(
            Locale.ROOT,
            "burst of %,d creates in one synced folder (2 threads): first create to all visible"
                + " with interval -1",
            files),
        String.format(
            Locale.ROOT,
            "%.1f s (creates took %.1f s; visible %.1f s after the last): **%,.0f events/s**",
            total,
            createSeconds,
            total - createSeconds,
            files / total),
        "HDFS inotify backlog read at ~15,000 events/s (STACK.md); no Alluxio figure");
    table.note(
        "activesync: burst: the sync point's largest age was %d; %s",
        maxAge,
        wholeSubtree
            ? "the feed reported lost events (WatchService OVERFLOW), so the whole folder was"
                + " re-synced"
            : "no lost events seen (changed paths synced, not the whole folder)");
  }

  private static long count(MetasyncClient client, String folder) {
    long count = 0;
    try (CloseableIterator<FileStatus> it = client.listStatus(folder, false, NO_UFS)) {
      while (it.hasNext()) {
        it.next();
        count++;
      }
    }
    return count;
  }

  // ---- 3. idle CPU

  private static void idleCpu(ResultTable table, BenchContext context, Path ufs, int seconds)
      throws Exception {
    Path root = Files.createDirectories(ufs.resolve("idle"));
    for (int i = 0; i < IDLE_POINTS; i++) {
      Path folder = Files.createDirectories(root.resolve(Fixtures.folderName(i)));
      for (int j = 0; j < 10; j++) {
        Files.createFile(folder.resolve(Fixtures.fileName(j)));
      }
    }
    try (BenchMaster master = BenchMaster.start(ufs, context.mastersFolder(), SETTINGS)) {
      MetasyncClient client = master.client();
      client.getStatus("/idle", BenchMaster.CACHED);
      Thread.sleep(3_000);
      Cpu none = Cpu.measure(seconds);
      Progress.log("activesync: idle, no sync point: %s", none);
      List<String> points = new ArrayList<>();
      for (int i = 0; i < IDLE_POINTS; i++) {
        String path = "/idle/" + Fixtures.folderName(i);
        client.startSync(path);
        points.add(path);
      }
      waitIdle(client, points);
      Thread.sleep(3_000);
      Cpu hundred = Cpu.measure(seconds);
      Progress.log("activesync: idle, %d sync points: %s", IDLE_POINTS, hundred);
      for (String path : points) {
        client.stopSync(path);
      }
      Thread.sleep(3_000);
      Cpu stopped = Cpu.measure(seconds);
      Progress.log("activesync: idle, after stopSync of all: %s", stopped);
      table.figure(
          NAME,
          String.format(
              Locale.ROOT,
              "idle master, process CPU over %d s (%% of one core): no sync point / %d sync"
                  + " points / after stopSync of all",
              seconds,
              IDLE_POINTS),
          String.format(
              Locale.ROOT,
              "%.2f%% / **%.2f%%** / %.2f%%",
              none.percent(),
              hundred.percent(),
              stopped.percent()),
          "–");
      table.figure(
          NAME,
          "of which the active sync threads (metasync-activesync, local change feed drain)",
          String.format(
              Locale.ROOT,
              "%.3f%% / **%.3f%%** / %.3f%%",
              none.activeSyncPercent(),
              hundred.activeSyncPercent(),
              stopped.activeSyncPercent()),
          "–");
    }
  }

  /** Process and active-sync-thread CPU over a window, as percent of one core. */
  private record Cpu(double percent, double activeSyncPercent) {
    static Cpu measure(int seconds) throws InterruptedException {
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      Map<Long, Long> before = activeSyncThreads();
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      Thread.sleep(seconds * 1_000L);
      long wall = System.nanoTime() - start;
      long used = os.getProcessCpuTime() - cpu;
      long threads = 0;
      for (Map.Entry<Long, Long> e : activeSyncThreads().entrySet()) {
        threads += e.getValue() - before.getOrDefault(e.getKey(), 0L);
      }
      return new Cpu(100.0 * used / wall, 100.0 * threads / wall);
    }

    private static Map<Long, Long> activeSyncThreads() {
      ThreadMXBean bean = ManagementFactory.getThreadMXBean();
      Map<Long, Long> times = new HashMap<>();
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        String name = thread.getName();
        if (name.startsWith("metasync-activesync")
            || name.startsWith("metasync-local-change-feed")) {
          long time = bean.getThreadCpuTime(thread.getId());
          if (time >= 0) {
            times.put(thread.getId(), time);
          }
        }
      }
      return times;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "process %.2f%% of a core, active sync threads %.3f%%",
          percent,
          activeSyncPercent);
    }
  }

  // ---- helpers

  private static void startSyncAndWait(MetasyncClient client, String path) throws Exception {
    client.startSync(path);
    waitIdle(client, List.of(path));
  }

  /** Waits until every one of {@code paths} finished its initial sync and is idle. */
  private static void waitIdle(MetasyncClient client, List<String> paths) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT_NS;
    while (true) {
      int ready = 0;
      for (SyncPointInfo point : client.syncPathList()) {
        if (paths.contains(point.path())
            && point.state().equals("IDLE")
            && point.lastSyncMs() > 0
            && point.pendingChanges() == 0) {
          ready++;
        }
      }
      if (ready == paths.size()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "sync points not idle after 120 s: " + client.syncPathList());
      }
      Thread.sleep(50);
    }
  }
}
