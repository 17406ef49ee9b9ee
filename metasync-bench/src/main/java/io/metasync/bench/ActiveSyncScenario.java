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
import io.metasync.common.Ticker;
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
  static final Map<String, String> SETTINGS = Map.of("metasync.master.activesync.interval", "1s");

  /** The quiet-period rule never holds a sync back: the raw rate at which changes are applied. */
  static final Map<String, String> RAW_APPLY =
      Map.of(
          "metasync.master.activesync.interval",
          "1s",
          "metasync.master.activesync.maxactivity",
          "1000000000");

  private static final long POLL_MS = 2;
  private static final long TIMEOUT_NS = 120_000_000_000L;
  static final int BURST = 20_000;
  static final int IDLE_SECONDS = 20;
  private static final int IDLE_POINTS = 100;
  static final String ALLUXIO =
      "Alluxio 2.9.6 on HDFS, interval 1 s: 100 new files visible 11–12 s later (4 pretended"
          + " CPUs; deadlocks on 2)";

  private ActiveSyncScenario() {}

  static void run(BenchContext context) throws Exception {
    int scale = context.options().scale();
    Path ufs = context.fixtures().ufsRoot().getParent().resolve("activesync-ufs");
    FolderDeletion.delete(ufs);
    Files.createDirectories(ufs);
    ResultTable table = context.table();
    Ticker ticker = context.ticker();
    try (BenchMaster master = BenchMaster.start(ufs, context.mastersFolder(), SETTINGS)) {
      Target target = new Target(NAME, master.client(), UfsChanges.local(ufs), "", ticker);
      latency(table, target, 5, Math.max(20, 200 / scale), "–");
      latency(table, target, 50, Math.max(100, 1_000 / scale), "–");
      latency(table, target, 100, Math.max(100, 500 / scale), ALLUXIO);
      burst(
          table, target, "burst", Math.max(1_000, BURST / scale), 2, "burst, default maxactivity");
    }
    try (BenchMaster master = BenchMaster.start(ufs, context.mastersFolder(), RAW_APPLY)) {
      burst(
          table,
          new Target(NAME, master.client(), UfsChanges.local(ufs), "", ticker),
          "burst-raw",
          Math.max(1_000, BURST / scale),
          2,
          "burst, maxactivity 10^9 (sync at every tick)");
    }
    try (BenchMaster master = BenchMaster.start(ufs, context.mastersFolder(), SETTINGS)) {
      idleCpu(
          table,
          new Target(NAME, master.client(), UfsChanges.local(ufs), "", ticker),
          Math.max(5, IDLE_SECONDS / scale),
          "local change feed drain");
    }
    table.note(
        "activesync: local folder UFS (LocalChangeFeed, Linux inotify; bench/run hdfsactivesync"
            + " is the same on HDFS); master in the bench JVM, interval 1s, maxactivity 10, maxage 10"
            + " (defaults), initialsync true");
    FolderDeletion.delete(ufs);
  }

  // ---- 1. visibility latency

  static void latency(ResultTable table, Target target, int waveSize, int changes, String ref)
      throws Exception {
    MetasyncClient client = target.client();
    UfsChanges ufs = target.ufs();
    String mountPath = target.mountPath();
    Ticker ticker = target.ticker();
    String name = "latency-" + waveSize;
    String folder = mountPath + "/" + name;
    ufs.createFolder(name);
    startSyncAndWait(client, folder, ticker);
    int waves = (changes + waveSize - 1) / waveSize;
    long[] latencies = new long[waves * waveSize];
    int n = 0;
    Random random = new Random(waveSize);
    long start = ticker.nanos();
    for (int w = 0; w < waves; w++) {
      Thread.sleep(random.nextInt(1_000));
      String[] paths = new String[waveSize];
      long[] created = new long[waveSize];
      for (int i = 0; i < waveSize; i++) {
        String file = String.format(Locale.ROOT, "w%04d-f%03d", w, i);
        ufs.createFile(name + "/" + file);
        created[i] = ticker.nanos();
        paths[i] = folder + "/" + file;
      }
      boolean[] seen = new boolean[waveSize];
      int oldest = 0;
      long deadline = ticker.nanos() + TIMEOUT_NS;
      while (oldest < waveSize) {
        if (!visible(client, paths[oldest])) {
          if (ticker.nanos() > deadline) {
            throw new IllegalStateException(paths[oldest] + " not visible after 120 s");
          }
          Thread.sleep(POLL_MS);
          continue;
        }
        long now = ticker.nanos();
        seen[oldest] = true;
        latencies[n++] = now - created[oldest];
        for (int i = oldest + 1; i < waveSize; i++) {
          if (!seen[i] && visible(client, paths[i])) {
            seen[i] = true;
            latencies[n++] = ticker.nanos() - created[i];
          }
        }
        while (oldest < waveSize && seen[oldest]) {
          oldest++;
        }
      }
      if ((w + 1) % Math.max(1, waves / 5) == 0) {
        Progress.log(
            "%s: waves of %d: %d of %d waves, last wave's first file %.0f ms",
            target.scenario(), waveSize, w + 1, waves, latencies[n - waveSize] / 1e6);
      }
    }
    double seconds = (ticker.nanos() - start) / 1e9;
    table.figure(
        target.scenario(),
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
    Progress.log(target.scenario() + ": waves of %d done in %.0f s", waveSize, seconds);
  }

  private static boolean visible(MetasyncClient client, String path) {
    try {
      client.withOptions(NO_UFS).getStatus(path);
      return true;
    } catch (MetasyncException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  // ---- 2. burst

  /**
   * Creates {@code files} files in one new synced folder from {@code threads} threads, and waits
   * until a listing with interval -1 holds them all.
   */
  static void burst(
      ResultTable table, Target target, String name, int files, int threads, String what)
      throws Exception {
    MetasyncClient client = target.client();
    UfsChanges ufs = target.ufs();
    String mountPath = target.mountPath();
    Ticker ticker = target.ticker();
    String folder = mountPath + "/" + name;
    ufs.createFolder(name);
    startSyncAndWait(client, folder, ticker);
    Progress.log(target.scenario() + ": %s: %,d creates", what, files);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = ticker.nanos();
    long created;
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = first; i < files; i += threads) {
                    try {
                      ufs.createFile(name + "/" + Fixtures.fileName(i));
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
      created = ticker.nanos();
    } finally {
      pool.shutdownNow();
    }
    boolean wholeSubtree = false;
    int maxAge = 0;
    long lastCount = -1;
    long deadline = ticker.nanos() + 5 * TIMEOUT_NS;
    long visible;
    while (true) {
      for (SyncPointInfo point : client.syncPathList()) {
        if (point.path().equals(folder)) {
          wholeSubtree |= point.pendingChanges() < 0;
          maxAge = Math.max(maxAge, point.age());
        }
      }
      // the last file created first: cheap, and a listing only once it shows
      if (visible(client, folder + "/" + Fixtures.fileName(files - 1))) {
        long count = count(client, folder);
        if (count != lastCount) {
          Progress.log(target.scenario() + ": %s: %,d of %,d visible", what, count, files);
          lastCount = count;
        }
        if (count >= files) {
          visible = ticker.nanos();
          break;
        }
      }
      if (ticker.nanos() > deadline) {
        throw new IllegalStateException(what + " not visible after 10 min: " + lastCount);
      }
      Thread.sleep(20);
    }
    double total = (visible - start) / 1e9;
    double createSeconds = (created - start) / 1e9;
    table.figure(
        target.scenario(),
        String.format(
            Locale.ROOT,
            "%s: %,d creates in one synced folder (%d threads): first create to all visible"
                + " with interval -1",
            what,
            files,
            threads),
        String.format(
            Locale.ROOT,
            "%.1f s (creates took %.1f s; visible %.1f s after the last): **%,.0f events/s**",
            total,
            createSeconds,
            total - createSeconds,
            files / total),
        "HDFS inotify backlog read at ~15,000 events/s (STACK.md); no Alluxio figure");
    table.note(
        "%s: %s: the sync point's largest age was %d; %s",
        target.scenario(),
        what,
        maxAge,
        wholeSubtree
            ? "its pending changes were 'all' at some point (the feed lost events, or more than"
                + " 10,000 changed paths), so the whole folder was re-synced"
            : "the changed paths were synced, never the whole folder");
  }

  private static long count(MetasyncClient client, String folder) {
    long count = 0;
    try (CloseableIterator<FileStatus> it = client.withOptions(NO_UFS).listStatus(folder, false)) {
      while (it.hasNext()) {
        it.next();
        count++;
      }
    }
    return count;
  }

  // ---- 3. idle CPU

  /**
   * The process's CPU while idle with no sync point, with {@link #IDLE_POINTS} (folders of 10 files
   * under {@code idle} in the mount), and after stopping them all.
   */
  static void idleCpu(ResultTable table, Target target, int seconds, String feedThreads)
      throws Exception {
    MetasyncClient client = target.client();
    UfsChanges ufs = target.ufs();
    String mountPath = target.mountPath();
    Ticker ticker = target.ticker();
    for (int i = 0; i < IDLE_POINTS; i++) {
      String folder = "idle/" + Fixtures.folderName(i);
      ufs.createFolder(folder);
      for (int j = 0; j < 10; j++) {
        ufs.createFile(folder + "/" + Fixtures.fileName(j));
      }
    }
    client.withOptions(BenchMaster.CACHED).getStatus(mountPath + "/idle");
    Thread.sleep(3_000);
    Cpu none = Cpu.measure(seconds, ticker);
    Progress.log(target.scenario() + ": idle, no sync point: %s", none);
    List<String> points = new ArrayList<>();
    for (int i = 0; i < IDLE_POINTS; i++) {
      String path = mountPath + "/idle/" + Fixtures.folderName(i);
      client.startSync(path);
      points.add(path);
    }
    waitIdle(client, points, ticker);
    Thread.sleep(3_000);
    Cpu hundred = Cpu.measure(seconds, ticker);
    Progress.log(target.scenario() + ": idle, %d sync points: %s", IDLE_POINTS, hundred);
    for (String path : points) {
      client.stopSync(path);
    }
    Thread.sleep(3_000);
    Cpu stopped = Cpu.measure(seconds, ticker);
    Progress.log(target.scenario() + ": idle, after stopSync of all: %s", stopped);
    table.figure(
        target.scenario(),
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
        target.scenario(),
        "of which the active sync threads (metasync-activesync, " + feedThreads + ")",
        String.format(
            Locale.ROOT,
            "%.3f%% / **%.3f%%** / %.3f%%",
            none.activeSyncPercent(),
            hundred.activeSyncPercent(),
            stopped.activeSyncPercent()),
        "–");
  }

  /** Process and active-sync-thread CPU over a window, as percent of one core. */
  private record Cpu(double percent, double activeSyncPercent) {
    static Cpu measure(int seconds, Ticker ticker) throws InterruptedException {
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      Map<Long, Long> before = activeSyncThreads();
      long cpu = os.getProcessCpuTime();
      long start = ticker.nanos();
      Thread.sleep(seconds * 1_000L);
      long wall = ticker.nanos() - start;
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

  /**
   * Where a part of the scenario runs: a master's client, its UFS and the mount path; and the
   * ticker its latencies and deadlines are read from.
   */
  record Target(
      String scenario, MetasyncClient client, UfsChanges ufs, String mountPath, Ticker ticker) {}

  static void startSyncAndWait(MetasyncClient client, String path, Ticker ticker) throws Exception {
    client.startSync(path);
    waitIdle(client, List.of(path), ticker);
  }

  /** Waits until every one of {@code paths} finished its initial sync and is idle. */
  private static void waitIdle(MetasyncClient client, List<String> paths, Ticker ticker)
      throws Exception {
    long deadline = ticker.nanos() + TIMEOUT_NS;
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
      if (ticker.nanos() > deadline) {
        throw new IllegalStateException(
            "sync points not idle after 120 s: " + client.syncPathList());
      }
      Thread.sleep(50);
    }
  }
}
