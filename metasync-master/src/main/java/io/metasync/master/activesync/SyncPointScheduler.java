package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active sync's rounds on the control thread: each round reads the feeds, and once per interval
 * closes every sync point's interval, starts the syncs that the {@link QuietPeriodRule} lets
 * through and journals each mount's progress. A sync runs on the sync executor, so a round never
 * waits for one; when it ends, its mount's progress is journaled at once.
 */
final class SyncPointScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(SyncPointScheduler.class);

  private final SyncPointRegistry registry;
  private final FeedRouter router;
  private final SyncPointRunner runner;
  private final ActiveSyncJournal journal;
  private final Clock clock;
  private final Duration interval;
  private final QuietPeriodRule rule;
  // Read by close() on another thread, to wait for the syncs still running.
  private final Set<CompletableFuture<Void>> running = ConcurrentHashMap.newKeySet();
  private long nextIntervalMs;
  // Set by stop(): a sync that ends afterwards journals nothing, since the journal is closing.
  private boolean stopped;

  SyncPointScheduler(
      SyncPointRegistry registry,
      FeedRouter router,
      SyncPointRunner runner,
      ActiveSyncJournal journal,
      Clock clock,
      ActiveSyncOptions options) {
    this.registry = requireNonNull(registry, "registry is null");
    this.router = requireNonNull(router, "router is null");
    this.runner = requireNonNull(runner, "runner is null");
    this.journal = requireNonNull(journal, "journal is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.interval = options.interval();
    this.rule = options.quietPeriodRule();
  }

  /** The first interval starts now. */
  void start() {
    stopped = false;
    nextIntervalMs = clock.millis() + interval.toMillis();
  }

  /** One round: reads the feeds, and closes the interval when it is due. */
  void runRound() {
    if (stopped) {
      return;
    }
    router.readFeeds();
    long nowMs = clock.millis();
    registry.all().forEach(point -> point.notePending(nowMs));
    if (clock.millis() >= nextIntervalMs) {
      nextIntervalMs = clock.millis() + interval.toMillis();
      closeInterval();
    }
  }

  /** Starts syncing {@code point} now, whatever the interval (its initial sync). */
  void syncNow(SyncPoint point) {
    if (!stopped) {
      start(point);
    }
  }

  private void closeInterval() {
    router.repairFeeds();
    for (SyncPoint point : registry.all()) {
      if (point.closeInterval(rule)) {
        start(point);
      }
    }
    // Every mount with sync points, its feed open or not: a sync point whose feed is not open is
    // still synced (whole), and its sync time journaled.
    for (NamespacePath mountPath : registry.mountPaths()) {
      journalProgress(mountPath);
    }
  }

  private void start(SyncPoint point) {
    // The runner's future completes on this thread, and only after this method returns, so what is
    // chained here runs on this thread too.
    CompletableFuture<Void> done =
        runner
            .run(point)
            .thenRun(
                () -> {
                  if (!stopped && registry.isCurrent(point)) {
                    journalProgressLogged(point.mountPath());
                  }
                });
    running.add(done);
    done.whenComplete((ignored, error) -> running.remove(done));
  }

  private void journalProgressLogged(NamespacePath mountPath) {
    try {
      journalProgress(mountPath);
    } catch (RuntimeException e) {
      LOG.warn(
          "Journaling the active-sync progress of mount {} failed ({}); retried at the next"
              + " interval",
          mountPath,
          e.getMessage());
    }
  }

  private void journalProgress(NamespacePath mountPath) {
    journal.writeProgress(mountPath, router.follower(mountPath), registry.onMount(mountPath));
  }

  /** No more rounds or syncs start, and none that ends journals. On the control thread. */
  void stop() {
    stopped = true;
  }

  /** Completes when every sync running now has ended. From any thread. */
  CompletableFuture<Void> runningSyncs() {
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
  }
}
