package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountTable;
import io.metasync.master.sync.OnDemandSync;
import io.metasync.master.sync.SyncCoordinator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active sync: follows each mount's change feed for the folders under {@code startSync}, and syncs
 * their changed paths in the background when the {@link QuietPeriodRule} says so. The parts: the
 * {@link SyncPointRegistry} of sync points, the {@link FeedRouter} that turns feed events into
 * their pending changes, the {@link SyncPointScheduler} whose rounds decide what syncs, and the
 * {@link SyncPointRunner} that runs syncs off the control thread. This class is their entrance:
 * each call runs its bookkeeping on the control thread, which owns the sync points and the feeds
 * (so they need no locks) and never waits for a sync, so {@code startSync}, {@code stopSync} and an
 * unmount answer promptly while a whole-subtree sync runs.
 */
public final class ActiveSyncManager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ActiveSyncManager.class);

  /** How often the feeds are read; events wait at most this long to become pending changes. */
  private static final Duration ROUND_PERIOD = Duration.ofMillis(50);

  /** Changed paths a sync point remembers before it syncs its whole subtree instead. */
  private static final int MAX_PENDING_PATHS = 10_000;

  /** How long a clean stop waits for running syncs before the journal closes under them. */
  private static final Duration STOP_LIMIT = Duration.ofSeconds(5);

  private final ActiveSyncJournal journal;
  private final MountTable mounts;
  private final OnDemandSync onDemandSync;
  private final ActiveSyncRuntime runtime;
  private final boolean initialSync;
  private final SyncPointRegistry registry = new SyncPointRegistry();
  private final FeedRouter router;
  private final SyncPointScheduler scheduler;
  private ScheduledFuture<?> rounds;

  /**
   * @param onDemandSync resolves a new sync point's folder (loading it if never loaded)
   * @param coordinator runs the sync points' syncs
   */
  public ActiveSyncManager(
      ActiveSyncJournal journal,
      MountTable mounts,
      OnDemandSync onDemandSync,
      SyncCoordinator coordinator,
      ActiveSyncRuntime runtime,
      ActiveSyncOptions options) {
    this.journal = requireNonNull(journal, "journal is null");
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.onDemandSync = requireNonNull(onDemandSync, "onDemandSync is null");
    this.runtime = requireNonNull(runtime, "runtime is null");
    this.initialSync = options.initialSync();
    this.router = new FeedRouter(registry, mounts, journal, runtime.clock(), options.interval());
    SyncPointRunner runner = new SyncPointRunner(coordinator::sync, runtime);
    this.scheduler =
        new SyncPointScheduler(registry, router, runner, journal, runtime.clock(), options);
  }

  /**
   * Resumes the journaled sync points and starts following their feeds; a sync point whose first
   * sync never completed is synced whole. Called when this master starts leading; again after
   * {@link #stop} when it leads again.
   */
  public void start() {
    onControlThread(
        () -> {
          scheduler.start();
          for (NamespacePath path : journal.syncPoints()) {
            MountPoint mount = mounts.resolve(path).mount();
            SyncPoint point = new SyncPoint(path, mount.path(), MAX_PENDING_PATHS);
            long lastSyncMs = journal.lastSyncMs(path);
            point.restoreLastSync(lastSyncMs);
            boolean neverSynced = lastSyncMs <= 0 && initialSync;
            if (neverSynced) {
              point.awaitInitialSync();
            }
            registry.add(point);
            router.resume(point, mount);
            if (neverSynced) {
              scheduler.syncNow(point);
            }
          }
          rounds =
              runtime
                  .control()
                  .scheduleWithFixedDelay(
                      this::runRoundLogged, 0, ROUND_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
          return null;
        });
  }

  /**
   * Makes {@code path} a sync point and, unless initial syncs are off, starts syncing its whole
   * subtree in the background (shown as {@code INITIAL_SYNC}).
   *
   * @throws MetasyncException NOT_FOUND, FAILED_PRECONDITION (a file, a nested sync point, a feed
   *     that cannot watch it), ALREADY_EXISTS
   */
  public void startSync(NamespacePath path) {
    // On the caller's thread: it may load the folder from the UFS.
    checkIsFolder(path);
    onControlThread(
        () -> {
          registry.checkCanStart(path);
          MountPoint mount = mounts.resolve(path).mount();
          SyncPoint point = new SyncPoint(path, mount.path(), MAX_PENDING_PATHS);
          router.watchNew(point, mount);
          try {
            journal.addSyncPoint(path);
          } catch (RuntimeException e) {
            router.stopFollowing(point);
            throw e;
          }
          if (initialSync) {
            point.awaitInitialSync();
          }
          registry.add(point);
          if (initialSync) {
            scheduler.syncNow(point);
          }
          return null;
        });
  }

  private void checkIsFolder(NamespacePath path) {
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
  }

  /**
   * Stops following {@code path}; a sync of it still running ends unreported.
   *
   * @throws MetasyncException INVALID_ARGUMENT when it is not a sync point
   */
  public void stopSync(NamespacePath path) {
    onControlThread(
        () -> {
          SyncPoint point =
              registry
                  .get(path)
                  .orElseThrow(
                      () ->
                          MetasyncException.invalidArgument(
                              path + " is not a sync point (see getSyncPathList)"));
          journal.removeSyncPoint(path);
          registry.remove(path);
          router.stopFollowing(point);
          return null;
        });
  }

  /**
   * The mount at {@code mountPath} was removed (its entry journaled, which forgot its sync points):
   * they stop being followed and its feed closes, before the mount's UFS is closed. Never throws:
   * the unmount is done whatever happens here.
   */
  public void mountRemoved(NamespacePath mountPath) {
    try {
      onControlThread(
          () -> {
            router.mountRemoved(mountPath, registry.removeOnMount(mountPath));
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn("Could not stop active sync on the removed mount {}", mountPath, e);
    }
  }

  /** Every sync point, in path order; answered at once, even while a sync runs. */
  public List<SyncPointStatus> syncPoints() {
    return registry.statuses();
  }

  private void runRoundLogged() {
    try {
      scheduler.runRound();
    } catch (RuntimeException e) {
      LOG.warn("Active sync round failed; retrying next round", e);
    }
  }

  private <T> T onControlThread(Callable<T> work) {
    try {
      return runtime.control().submit(work).get();
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

  /** As {@link #stop}: the master is stopping. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Stops the rounds, closes the feeds (a standby holds no HDFS inotify stream) and forgets the
   * sync points (the journal keeps them for the next leader), then waits a while for the syncs
   * still running, so that none writes to the journal as it closes after this.
   */
  public void stop() {
    onControlThread(
        () -> {
          scheduler.stop();
          if (rounds != null) {
            rounds.cancel(false);
            rounds = null;
          }
          router.close();
          registry.clear();
          return null;
        });
    try {
      scheduler.runningSyncs().get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // A sync whose outcome could not be recorded has ended all the same.
    } catch (TimeoutException e) {
      LOG.warn("Stopping while a sync point's sync still runs; it is redone after the restart");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
