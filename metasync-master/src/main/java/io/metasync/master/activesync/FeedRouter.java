package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountTable;
import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.FeedCursor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feeds of the mounts that serve sync points, one {@link FeedFollower} per mount shared
 * by its sync points: opens them and has them watch each sync point's folder, reads them and turns
 * each event into a pending change of the sync point it falls in. A feed that fails is read again
 * after a back-off, and one that could not be opened or made to watch a folder is tried again once
 * per interval; meanwhile its sync points show a failing feed, and they are synced whole once it
 * answers, as they are when the feed says it lost events. Used on the control thread only.
 */
final class FeedRouter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedRouter.class);

  private final SyncPointRegistry registry;
  private final MountTable mounts;
  private final ActiveSyncJournal journal;
  private final Clock clock;
  private final Duration interval;
  private final Map<NamespacePath, FeedFollower> followers = new HashMap<>();
  // Sync points whose feed is open but could not watch them (a local folder missing at restart).
  private final Set<NamespacePath> unwatched = new HashSet<>();

  /**
   * @param interval how often a failed feed is reopened, the longest read back-off, and the period
   *     of a feed that polls the UFS
   */
  FeedRouter(
      SyncPointRegistry registry,
      MountTable mounts,
      ActiveSyncJournal journal,
      Clock clock,
      Duration interval) {
    this.registry = requireNonNull(registry, "registry is null");
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.journal = requireNonNull(journal, "journal is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.interval = requireNonNull(interval, "interval is null");
  }

  /**
   * Has the feed of {@code mount} watch the folder of a new sync point, opening the feed from now
   * if none is open: what happened before is the initial sync's to find.
   *
   * @throws MetasyncException FAILED_PRECONDITION when the feed cannot be opened or cannot watch it
   */
  void watchNew(SyncPoint point, MountPoint mount) {
    FeedFollower follower = follower(mount, null);
    try {
      follower.feed().watch(mount.ufsPathOf(point.path()));
      point.feedAnswered(clock.millis());
    } catch (IOException e) {
      closeIfUnused(point.mountPath());
      throw MetasyncException.failedPrecondition(
          "cannot start sync on " + point.path() + ": " + e.getMessage());
    }
  }

  /**
   * Follows a journaled sync point after a restart, from its mount's journaled cursor. Without a
   * cursor nothing says how far the feed was applied, so changes made while the master was down are
   * unknown and the whole sync point syncs; a feed that cannot follow it now is retried.
   */
  void resume(SyncPoint point, MountPoint mount) {
    Optional<FeedCursor> cursor = journal.cursor(mount.path());
    if (cursor.isEmpty()) {
      point.pending().markWholeSubtree();
    }
    try {
      follower(mount, cursor.orElse(null)).feed().watch(mount.ufsPathOf(point.path()));
      point.feedAnswered(clock.millis());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Cannot follow sync point {} after the restart ({}); it will be synced whole and retried",
          point.path(),
          e.getMessage());
      watchFailed(point, e);
    }
  }

  /**
   * {@code point} is no longer followed (or never became a sync point): its folder is unwatched,
   * and its mount's feed closed when no other sync point needs it. Called when the registry does
   * not hold it.
   */
  void stopFollowing(SyncPoint point) {
    unwatched.remove(point.path());
    FeedFollower follower = followers.get(point.mountPath());
    if (follower == null) {
      return;
    }
    follower.feed().unwatch(follower.mount().ufsPathOf(point.path()));
    closeIfUnused(point.mountPath());
  }

  private void closeIfUnused(NamespacePath mountPath) {
    if (registry.onMount(mountPath).isEmpty()) {
      FeedFollower follower = followers.remove(mountPath);
      if (follower != null) {
        follower.closeQuietly();
      }
    }
  }

  /** The mount at {@code mountPath} is gone: its feed is closed, nothing unwatched on its UFS. */
  void mountRemoved(NamespacePath mountPath, List<SyncPoint> itsSyncPoints) {
    itsSyncPoints.forEach(point -> unwatched.remove(point.path()));
    FeedFollower follower = followers.remove(mountPath);
    if (follower != null) {
      follower.closeQuietly();
    }
  }

  /** The feed of the mount at {@code mountPath}; null while it cannot be opened. */
  FeedFollower follower(NamespacePath mountPath) {
    return followers.get(mountPath);
  }

  /** Reads every feed that is due and routes its events to the sync points' pending changes. */
  void readFeeds() {
    for (FeedFollower follower : List.copyOf(followers.values())) {
      read(follower);
    }
  }

  private void read(FeedFollower follower) {
    if (!follower.readable(clock.millis())) {
      return;
    }
    List<SyncPoint> onMount = registry.onMount(follower.mount().path());
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
      onMount.forEach(point -> point.feedFailed(e.getMessage(), clock.millis()));
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
    List<SyncPoint> watched =
        onMount.stream().filter(point -> !unwatched.contains(point.path())).toList();
    watched.forEach(SyncPoint::feedRecovered);
    long backlog = follower.feed().backlog().orElse(-1);
    watched.forEach(point -> point.feedBacklog(backlog));
    if (follower.caughtUp(batch)) {
      long nowMs = clock.millis();
      watched.forEach(point -> point.feedAnswered(nowMs));
    }
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

  private static void route(FeedFollower follower, String ufsPath, List<SyncPoint> onMount) {
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

  /**
   * Tries again, once per interval, the feeds that could not be opened (their UFS was down at
   * start-up, say) and the sync points their feed could not watch (their folder was missing); until
   * then such a sync point shows a failing feed and stays marked for a whole sync, so nothing is
   * trusted that the feed did not see.
   */
  void repairFeeds() {
    for (SyncPoint point : registry.all()) {
      NamespacePath mountPath = point.mountPath();
      if (followers.containsKey(mountPath) && !unwatched.contains(point.path())) {
        continue;
      }
      try {
        MountPoint mount = mounts.get(mountPath).orElseThrow();
        FeedFollower follower = follower(mount, journal.cursor(mountPath).orElse(null));
        follower.feed().watch(mount.ufsPathOf(point.path()));
        unwatched.remove(point.path());
        point.feedRecovered();
        point.feedAnswered(clock.millis());
        LOG.info("Following the changes of sync point {} again", point.path());
      } catch (IOException | RuntimeException e) {
        watchFailed(point, e);
      }
    }
  }

  /** Shown as a failing feed and retried each interval; synced whole once it is followed. */
  private void watchFailed(SyncPoint point, Exception error) {
    point.pending().markWholeSubtree();
    point.feedFailed(String.valueOf(error.getMessage()), clock.millis());
    if (followers.containsKey(point.mountPath())) {
      unwatched.add(point.path());
    }
  }

  private FeedFollower follower(MountPoint mount, FeedCursor resumeFrom) {
    return followers.computeIfAbsent(
        mount.path(), path -> FeedFollower.open(mount, resumeFrom, interval));
  }

  @Override
  public void close() {
    followers.values().forEach(FeedFollower::closeQuietly);
    followers.clear();
    unwatched.clear();
  }
}
