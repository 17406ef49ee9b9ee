package io.metasync.master.sync;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How folder syncs go to the journal: a merge's changes in pipelined batches ({@link BatchPipeline}
 * over {@link GroupCommit}), and the start time of each completed folder sync, so that a restarted
 * master knows it ({@link SyncedFolders}, which fills the sync-path cache at start).
 *
 * <p>A merge that changed something carries its time in its last batch, which is written and waited
 * for anyway. A merge that changed nothing proposes its time without waiting, and only when the
 * journaled (or already proposed) one is more than {@link #REFRESH_MS} older: a folder listed over
 * and over with interval 0 writes a record a second at most, and a re-sync of an unchanged tree
 * waits for no entry. Such a record may reach the log after its folder was deleted, moved or
 * replaced; it names the folder's inode, and applying it drops it then, so no path inherits a time
 * it was not synced at. A time not journaled (dropped, or lost in a crash) only makes a restarted
 * master sync once more. A recursive sync's time is one record per sync, waited for.
 */
public final class MergeJournal {
  /** How much older than a merge's start the journaled time of an unchanged folder may be. */
  static final long REFRESH_MS = 1_000;

  /** Records proposed without waiting that may be queued at once; past it, times are not kept. */
  static final int MAX_UNAWAITED = 10_000;

  private final GroupCommit committer;
  private final SyncedFolders journaled;
  private final int batchSize;
  private final int maxBatchesInFlight;

  /** A folder's sync time proposed without waiting, until it is applied (or failed). */
  private record Proposal(long inodeId, long startMs, CompletableFuture<Void> done) {}

  private final ConcurrentHashMap<NamespacePath, Proposal> unawaited = new ConcurrentHashMap<>();

  /**
   * @param journaled the sync times as journaled, to tell which need journaling again
   * @param maxBatchesInFlight journal batches one merge proposes before it waits for the oldest
   */
  public MergeJournal(
      GroupCommit committer, SyncedFolders journaled, int batchSize, int maxBatchesInFlight) {
    checkArgument(batchSize > 0, "batchSize must be positive: %s", batchSize);
    this.committer = requireNonNull(committer, "committer is null");
    this.journaled = requireNonNull(journaled, "journaled is null");
    this.batchSize = batchSize;
    this.maxBatchesInFlight = maxBatchesInFlight;
  }

  /** Changes per journal batch. */
  int batchSize() {
    return batchSize;
  }

  BatchPipeline newPipeline() {
    return new BatchPipeline(committer, batchSize, maxBatchesInFlight);
  }

  /**
   * Ends the merge of {@code folder} at {@code path} that started at {@code startMs}: journals
   * {@code last} (the changes that must follow all others) with the folder's sync time, and waits
   * until all its batches are applied.
   *
   * @throws io.metasync.common.MetasyncException the first batch's error
   */
  void finish(
      BatchPipeline batches, ChangeBatch last, NamespacePath path, Inode folder, long startMs) {
    if (batches.hasChanges() || !last.isEmpty()) {
      batches.finish(last.folderSynced(path, folder, startMs, false));
      return;
    }
    long known = journaled.childrenSyncedMs(path, folder.id());
    Proposal pending = unawaited.get(path);
    if (pending != null && pending.inodeId() == folder.id()) {
      known = Math.max(known, pending.startMs());
    }
    if (known >= startMs - REFRESH_MS || unawaited.size() >= MAX_UNAWAITED) {
      return;
    }
    Proposal mine = new Proposal(folder.id(), startMs, new CompletableFuture<>());
    unawaited.put(path, mine);
    // Not waited for: a failure only loses the time, and the journal reports its own failures.
    committer
        .commit(new ChangeBatch().folderSynced(path, folder, startMs, false))
        .whenComplete(
            (ignored, error) -> {
              unawaited.remove(path, mine);
              mine.done().complete(null);
            });
  }

  /**
   * Waits, at most {@code limit}, until the sync times proposed without waiting are applied (or
   * failed), so that a clean stop keeps them. Call once no sync runs any more.
   */
  public void awaitUnawaited(Duration limit) throws InterruptedException {
    try {
      CompletableFuture.allOf(
              unawaited.values().stream().map(Proposal::done).toArray(CompletableFuture[]::new))
          .get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Only times are lost: a restarted master syncs those folders once more.
    }
  }

  /**
   * Journals that a recursive sync of the folder {@code top} at {@code path}, started at {@code
   * startMs}, completed, unless a time as recent is journaled; waits until it is applied.
   *
   * @throws io.metasync.common.MetasyncException when the journal fails
   */
  void subtreeSynced(NamespacePath path, Inode top, long startMs) {
    if (journaled.subtreeSyncedMs(path, top.id()) >= startMs - REFRESH_MS) {
      return;
    }
    newPipeline().finish(new ChangeBatch().folderSynced(path, top, startMs, true));
  }
}
