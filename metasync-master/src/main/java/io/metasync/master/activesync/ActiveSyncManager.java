package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.journal.Journal;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountTable;
import io.metasync.master.sync.OnDemandSync;
import io.metasync.master.sync.SyncCoordinator;
import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.FeedCursor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active sync: follows each mount's change feed for the folders under {@code startSync}, and syncs
 * their changed paths in the background when the {@link QuietPeriodRule} says so. Everything runs
 * on one thread of the owner's executor, calls from RPC threads included, so the sync points and
 * feeds need no locks. A feed's cursor is journaled only once every sync point on its mount has
 * applied the events before it, so a restart replays at least what was not applied (invariant 5);
 * see {@link SyncProgressWriter}.
 */
public final class ActiveSyncManager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ActiveSyncManager.class);
  private static final Duration POLL_PERIOD = Duration.ofMillis(50);
  private static final int MAX_PENDING_PATHS = 10_000;

  private final ActiveSyncRecords records;
  private final Journal journal;
  private final SyncProgressWriter progress;
  private final MountTable mounts;
  private final OnDemandSync onDemandSync;
  private final SyncPointRunner runner;
  private final ScheduledExecutorService thread;
  private final Clock clock;
  private final Duration interval;
  private final QuietPeriodRule rule;
  private final boolean initialSync;
  // Concurrent so that getSyncPathList can read it while the active-sync thread is busy syncing.
  private final Map<NamespacePath, SyncPoint> points = new ConcurrentSkipListMap<>();
  private final Map<NamespacePath, NamespacePath> mountOfPoint = new HashMap<>();
  private final Map<NamespacePath, FeedFollower> followers = new HashMap<>();
  // Sync points whose feed is open but could not watch them (a local folder missing at restart).
  private final Set<NamespacePath> unwatched = new HashSet<>();
  private long nextIntervalMs;
  private ScheduledFuture<?> rounds;
  // Set on the active-sync thread by close(): work queued before it (an initial sync) is dropped.
  private boolean closed;

  public ActiveSyncManager(
      ActiveSyncRecords records,
      Journal journal,
      MountTable mounts,
      OnDemandSync onDemandSync,
      SyncCoordinator coordinator,
      ScheduledExecutorService thread,
      Clock clock,
      Duration interval,
      long maxActivity,
      int maxAge,
      boolean initialSync) {
    this.records = requireNonNull(records, "records is null");
    this.journal = requireNonNull(journal, "journal is null");
    this.progress = new SyncProgressWriter(journal, records);
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.onDemandSync = requireNonNull(onDemandSync, "onDemandSync is null");
    this.thread = requireNonNull(thread, "thread is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.runner = new SyncPointRunner(requireNonNull(coordinator, "coordinator is null"), clock);
    this.interval = requireNonNull(interval, "interval is null");
    this.rule = new QuietPeriodRule(maxActivity, maxAge);
    this.initialSync = initialSync;
  }

  /** Resumes the journaled sync points and starts following their feeds. */
  public void start() {
    onThread(
        () -> {
          nextIntervalMs = clock.millis() + interval.toMillis();
          for (NamespacePath path : records.syncPoints()) {
            resume(path);
          }
          return null;
        });
    rounds =
        thread.scheduleWithFixedDelay(
            this::runOnceLogged, 0, POLL_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void resume(NamespacePath path) {
    MountPoint mount = mounts.resolve(path).mount();
    Optional<FeedCursor> cursor = records.cursor(mount.path()).map(FeedCursor::new);
    SyncPoint point = new SyncPoint(path, MAX_PENDING_PATHS, false);
    point.synced(records.lastSyncMs(path));
    if (cursor.isEmpty()) {
      // Nothing says how far the feed was applied: changes made while the master was down are
      // unknown.
      point.pending().markWholeSubtree();
    }
    register(point, mount.path());
    try {
      follower(mount, cursor.orElse(null)).feed().watch(mounts.resolve(path).ufsPath());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Cannot follow sync point {} after the restart ({}); it will be synced whole and retried",
          path,
          e.getMessage());
      watchFailed(point, e);
    }
  }

  /** Shown as a failing feed and retried each interval; synced whole once it is followed. */
  private void watchFailed(SyncPoint point, Exception error) {
    point.pending().markWholeSubtree();
    point.feedFailed(String.valueOf(error.getMessage()), clock.millis());
    if (followers.containsKey(mountOfPoint.get(point.path()))) {
      unwatched.add(point.path());
    }
  }

  /**
   * Makes {@code path} a sync point.
   *
   * @throws MetasyncException NOT_FOUND, FAILED_PRECONDITION (a file, a nested sync point, a feed
   *     that cannot watch it), ALREADY_EXISTS
   */
  public void startSync(NamespacePath path) {
    onThread(
        () -> {
          checkCanStart(path);
          MountPoint mount = mounts.resolve(path).mount();
          FeedFollower follower = follower(mount, null);
          try {
            follower.feed().watch(mounts.resolve(path).ufsPath());
          } catch (IOException e) {
            throw MetasyncException.failedPrecondition(
                "cannot start sync on " + path + ": " + e.getMessage());
          }
          journal.write(ActiveSyncRecords.addSyncPoint(path));
          SyncPoint point = new SyncPoint(path, MAX_PENDING_PATHS, initialSync);
          register(point, mount.path());
          if (initialSync) {
            // In the background: the caller returns now, and getSyncPathList shows "initial-sync".
            thread.execute(() -> runSyncIfStillFollowed(point));
          }
          return null;
        });
  }

  private void checkCanStart(NamespacePath path) {
    Inode inode =
        onDemandSync
            .resolve(path, LoadType.ONCE)
            .orElseThrow(
                () ->
                    new MetasyncException(
                        ErrorCode.NOT_FOUND,
                        "cannot start sync on " + path + ": it does not exist"));
    if (!inode.isDirectory()) {
      throw MetasyncException.failedPrecondition(
          "cannot start sync on " + path + ": it is a file; sync points are folders");
    }
    for (NamespacePath existing : points.keySet()) {
      if (existing.equals(path)) {
        throw new MetasyncException(ErrorCode.ALREADY_EXISTS, path + " is already a sync point");
      }
      if (path.isDescendantOf(existing)) {
        throw MetasyncException.failedPrecondition(
            "cannot start sync on "
                + path
                + ": it is inside the sync point "
                + existing
                + ", which covers it");
      }
      if (existing.isDescendantOf(path)) {
        throw MetasyncException.failedPrecondition(
            "cannot start sync on "
                + path
                + ": it contains the sync point "
                + existing
                + "; stop that first");
      }
    }
  }

  /**
   * Stops following {@code path}.
   *
   * @throws MetasyncException INVALID_ARGUMENT when it is not a sync point
   */
  public void stopSync(NamespacePath path) {
    onThread(
        () -> {
          SyncPoint point = points.get(path);
          if (point == null) {
            throw MetasyncException.invalidArgument(
                path + " is not a sync point (see getSyncPathList)");
          }
          journal.write(ActiveSyncRecords.removeSyncPoint(path));
          forget(path);
          return null;
        });
  }

  private void forget(NamespacePath path) {
    points.remove(path);
    unwatched.remove(path);
    NamespacePath mountPath = mountOfPoint.remove(path);
    FeedFollower follower = followers.get(mountPath);
    if (follower == null) {
      return;
    }
    if (mounts.get(mountPath).isPresent()) {
      follower.feed().unwatch(mounts.resolve(path).ufsPath());
    }
    if (!mountOfPoint.containsValue(mountPath)) {
      followers.remove(mountPath);
      follower.closeQuietly();
    }
  }

  private void register(SyncPoint point, NamespacePath mountPath) {
    points.put(point.path(), point);
    mountOfPoint.put(point.path(), mountPath);
  }

  /** Every sync point, in path order; answered at once, even while a sync runs. */
  public List<SyncPointStatus> syncPoints() {
    return points.values().stream().map(SyncPoint::status).collect(Collectors.toList());
  }

  private void runSyncIfStillFollowed(SyncPoint point) {
    // A round may have run the initial sync first: a second sync of nothing would reset the
    // point's counts, and getSyncPathList would show listed=0 for it.
    if (!closed && points.get(point.path()) == point && !point.pending().isEmpty()) {
      runner.run(point);
    }
  }

  private FeedFollower follower(MountPoint mount, FeedCursor resumeFrom) {
    return followers.computeIfAbsent(
        mount.path(), path -> FeedFollower.open(mount, resumeFrom, interval));
  }

  private void runOnceLogged() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.warn("Active sync round failed; retrying next round", e);
    }
  }

  /**
   * One round on the active-sync thread: drop what was unmounted, read the feeds, close an interval
   * when due.
   */
  void runOnce() {
    if (closed) {
      return;
    }
    for (NamespacePath path : List.copyOf(points.keySet())) {
      if (!records.isSyncPoint(path)) {
        forget(path);
      }
    }
    for (FeedFollower follower : List.copyOf(followers.values())) {
      read(follower);
    }
    if (clock.millis() >= nextIntervalMs) {
      nextIntervalMs = clock.millis() + interval.toMillis();
      closeInterval();
    }
  }

  private void read(FeedFollower follower) {
    NamespacePath mountPath = follower.mount().path();
    if (!follower.readable(clock.millis())) {
      return;
    }
    ChangeBatch batch;
    try {
      batch = follower.feed().poll(Duration.ZERO);
    } catch (IOException e) {
      if (!follower.failing()) {
        LOG.warn(
            "Reading the change feed of {} failed: {}; retrying until it answers",
            follower.mount().ufsUri(),
            e.getMessage());
      }
      follower.readFailed(clock.millis(), interval);
      pointsOn(mountPath).forEach(point -> point.feedFailed(e.getMessage(), clock.millis()));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (follower.readSucceeded()) {
      LOG.info(
          "The change feed of {} answers again; its sync points are synced whole",
          follower.mount().ufsUri());
    }
    pointsOn(mountPath).stream()
        .filter(point -> !unwatched.contains(point.path()))
        .forEach(SyncPoint::feedRecovered);
    List<SyncPoint> onMount = pointsOn(follower.mount().path());
    if (batch.eventsLost()) {
      onMount.forEach(point -> point.pending().markWholeSubtree());
    }
    for (ChangeEvent event : batch.events()) {
      route(follower, event.path(), onMount);
      if (event.destination() != null) {
        route(follower, event.destination(), onMount);
      }
    }
  }

  private void route(FeedFollower follower, String ufsPath, List<SyncPoint> onMount) {
    NamespacePath path;
    try {
      path = follower.namespacePath(ufsPath);
    } catch (MetasyncException e) {
      return; // a name metasync cannot show; its folder's next sync skips it too
    }
    for (SyncPoint point : onMount) {
      if (path.startsWith(point.path())) {
        point.pending().add(path);
        return;
      }
    }
  }

  private List<SyncPoint> pointsOn(NamespacePath mountPath) {
    List<SyncPoint> onMount = new ArrayList<>();
    for (SyncPoint point : points.values()) {
      if (mountPath.equals(mountOfPoint.get(point.path()))) {
        onMount.add(point);
      }
    }
    return onMount;
  }

  private void closeInterval() {
    repairFeeds();
    for (SyncPoint point : List.copyOf(points.values())) {
      if (point.closeInterval(rule)) {
        runner.run(point);
      }
    }
    // Every mount with sync points, its feed open or not: a sync point whose feed is not open
    // is still synced (whole), and its sync time journaled.
    for (NamespacePath mountPath : new TreeSet<>(mountOfPoint.values())) {
      progress.write(mountPath, followers.get(mountPath), pointsOn(mountPath));
    }
  }

  /**
   * A feed that could not be opened (its UFS was down at start-up, say), or that could not watch a
   * sync point (its folder was missing), is tried again once per interval; until then the sync
   * point shows a failing feed and stays marked for a whole sync, so nothing is trusted that the
   * feed did not see.
   */
  private void repairFeeds() {
    for (SyncPoint point : List.copyOf(points.values())) {
      NamespacePath mountPath = mountOfPoint.get(point.path());
      if (followers.containsKey(mountPath) && !unwatched.contains(point.path())) {
        continue;
      }
      try {
        MountPoint mount = mounts.get(mountPath).orElseThrow();
        FeedFollower follower =
            follower(mount, records.cursor(mountPath).map(FeedCursor::new).orElse(null));
        follower.feed().watch(mounts.resolve(point.path()).ufsPath());
        unwatched.remove(point.path());
        point.feedRecovered();
        LOG.info("Following the changes of sync point {} again", point.path());
      } catch (IOException | RuntimeException e) {
        watchFailed(point, e);
      }
    }
  }

  private <T> T onThread(java.util.concurrent.Callable<T> work) {
    try {
      return thread.submit(work).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MetasyncException metasync) {
        throw metasync;
      }
      throw new MetasyncException(
          ErrorCode.INTERNAL, "active sync failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MetasyncException(
          ErrorCode.UNAVAILABLE, "interrupted while waiting for active sync", e);
    }
  }

  @Override
  public void close() {
    onThread(
        () -> {
          // Before the journal closes: no round or queued sync may write to it afterwards.
          closed = true;
          if (rounds != null) {
            rounds.cancel(false);
          }
          followers.values().forEach(FeedFollower::closeQuietly);
          followers.clear();
          return null;
        });
  }
}
