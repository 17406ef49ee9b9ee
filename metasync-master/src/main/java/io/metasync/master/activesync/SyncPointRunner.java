package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.sync.SyncCoordinator;
import io.metasync.master.sync.SyncDepth;
import io.metasync.master.sync.SyncStats;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one sync point's pending changes (or its whole subtree) on the active-sync thread, and
 * records the outcome on the sync point: its state, last sync time, and a failure to show.
 */
final class SyncPointRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SyncPointRunner.class);

  private final SyncCoordinator coordinator;
  private final Clock clock;

  SyncPointRunner(SyncCoordinator coordinator, Clock clock) {
    this.coordinator = requireNonNull(coordinator, "coordinator is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  void run(SyncPoint point) {
    long startMs = clock.millis();
    boolean whole = point.pending().wholeSubtree();
    Set<NamespacePath> paths = point.pending().paths();
    point.pending().clear();
    SyncStats stats = point.startSync();
    if (point.state() != SyncPointState.INITIAL_SYNC) {
      point.setState(SyncPointState.SYNCING);
    }
    try {
      if (whole) {
        coordinator.sync(point.path(), SyncDepth.SUBTREE, stats);
      } else {
        for (NamespacePath folder : foldersToList(point, paths)) {
          syncFolder(folder, stats);
        }
      }
      point.synced(startMs);
      point.syncSucceeded();
      point.setState(SyncPointState.IDLE);
    } catch (MetasyncException e) {
      LOG.warn(
          "Active sync of {} failed ({}); it is retried at the next interval",
          point.path(),
          e.getMessage());
      point.pending().retry(paths, whole);
      point.syncFailed(e.getMessage(), startMs);
      if (point.state() == SyncPointState.SYNCING) {
        point.setState(SyncPointState.IDLE);
      }
    }
  }

  /** A changed path is seen in its folder's listing (which carries its own metadata too). */
  private static Set<NamespacePath> foldersToList(SyncPoint point, Set<NamespacePath> paths) {
    Set<NamespacePath> folders = new TreeSet<>();
    for (NamespacePath path : paths) {
      folders.add(path.equals(point.path()) ? path : path.parent());
    }
    return folders;
  }

  private void syncFolder(NamespacePath folder, SyncStats stats) {
    try {
      coordinator.sync(folder, SyncDepth.CHILDREN, stats);
    } catch (MetasyncException e) {
      if (e.code() != ErrorCode.NOT_FOUND) {
        throw e;
      }
      // Gone since the event: its parent's listing, if it changed too, has its own event.
    }
  }
}
