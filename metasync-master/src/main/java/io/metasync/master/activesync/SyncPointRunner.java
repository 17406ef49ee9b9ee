package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.sync.SyncDepth;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sync point's sync on the sync executor, so that the control thread, and the {@code
 * startSync} and {@code stopSync} calls waiting on it, never wait for a UFS listing. What to sync
 * is taken from the point on the control thread as the sync starts, and the outcome is recorded
 * back on the control thread, so the point's pending changes are only ever touched there.
 */
final class SyncPointRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SyncPointRunner.class);

  private final Syncer syncer;
  private final ActiveSyncRuntime runtime;

  SyncPointRunner(Syncer syncer, ActiveSyncRuntime runtime) {
    this.syncer = requireNonNull(syncer, "syncer is null");
    this.runtime = requireNonNull(runtime, "runtime is null");
  }

  /**
   * Starts syncing {@code point}'s pending changes (its whole subtree where they say so). Called on
   * the control thread. The future completes on the control thread once the outcome is recorded on
   * the point (a failure included), so what is chained to it before then runs there too; it fails
   * only when the control thread has stopped.
   */
  CompletableFuture<Void> run(SyncPoint point) {
    SyncWork work = point.beginSync(runtime.clock().millis());
    CompletableFuture<Void> sync;
    try {
      sync = CompletableFuture.runAsync(() -> sync(point.path(), work), runtime.syncs());
    } catch (RejectedExecutionException e) {
      sync = CompletableFuture.failedFuture(e);
    }
    return sync.handleAsync(
        (ignored, error) -> {
          recordOutcome(point, work, error);
          return null;
        },
        runtime.control());
  }

  private void sync(NamespacePath syncPoint, SyncWork work) {
    if (work.wholeSubtree()) {
      syncer.sync(syncPoint, SyncDepth.SUBTREE, work.stats());
      return;
    }
    for (NamespacePath folder : work.foldersToList(syncPoint)) {
      try {
        syncer.sync(folder, SyncDepth.CHILDREN, work.stats());
      } catch (MetasyncException e) {
        if (e.code() != ErrorCode.NOT_FOUND) {
          throw e;
        }
        // Gone since the event: its parent's listing, if it changed too, has its own event.
      }
    }
  }

  private static void recordOutcome(SyncPoint point, SyncWork work, Throwable error) {
    if (error == null) {
      point.syncSucceeded(work);
      return;
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    String message = cause instanceof MetasyncException ? cause.getMessage() : cause.toString();
    LOG.warn(
        "Active sync of {} failed ({}); it is retried at the next interval", point.path(), message);
    point.syncFailed(work, message);
  }
}
