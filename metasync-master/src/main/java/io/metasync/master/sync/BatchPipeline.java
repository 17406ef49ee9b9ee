package io.metasync.master.sync;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The journal writes of one folder merge, proposed while the merge goes on: each batch is handed to
 * {@link GroupCommit}, at most {@code maxInFlight} at once, so listing the UFS and comparing
 * fingerprints overlap with building, flushing and applying the entries. Batches of one merge touch
 * disjoint names, so the order in which they are applied does not matter. The merge holds its
 * folder's write lock until {@link #awaitAll} returned, so a folder is never marked loaded or
 * synced, and no write through metasync interleaves, before all its batches are applied. After a
 * failure the caller must still {@link #awaitAll} before it releases its locks. Not thread-safe:
 * one merge thread fills, proposes and awaits.
 */
final class BatchPipeline {
  private final GroupCommit committer;
  private final int batchSize;
  private final int maxInFlight;
  private final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
  private ChangeBatch current = new ChangeBatch();
  private boolean submitted;

  BatchPipeline(GroupCommit committer, int batchSize, int maxInFlight) {
    checkArgument(batchSize > 0, "batchSize must be positive: %s", batchSize);
    checkArgument(maxInFlight > 0, "maxInFlight must be positive: %s", maxInFlight);
    this.committer = requireNonNull(committer, "committer is null");
    this.batchSize = batchSize;
    this.maxInFlight = maxInFlight;
  }

  /**
   * The batch to add the next change to; a full batch is proposed first.
   *
   * @throws MetasyncException the error of a batch proposed earlier
   */
  ChangeBatch current() {
    if (current.size() >= batchSize) {
      submit(current);
      current = new ChangeBatch();
    }
    return current;
  }

  /** Whether any change was proposed, or is waiting in the batch being filled. */
  boolean hasChanges() {
    return submitted || !current.isEmpty();
  }

  /**
   * Waits for every batch proposed so far, then journals the batch being filled plus {@code extra}
   * (which must come after all others, such as the mark that the folder is loaded) and waits for it
   * too.
   *
   * @throws MetasyncException the first batch's error
   */
  void finish(ChangeBatch extra) {
    awaitAll();
    ChangeBatch last = current;
    current = new ChangeBatch();
    if (extra != null) {
      last.addAll(extra);
    }
    submit(last);
    awaitAll();
  }

  /**
   * Proposes {@code changes} (which must not be touched afterwards), first waiting for the oldest
   * batch when {@code maxInFlight} are pending.
   */
  private void submit(ChangeBatch changes) {
    if (changes.isEmpty()) {
      return;
    }
    while (!inFlight.isEmpty() && (inFlight.size() >= maxInFlight || inFlight.peek().isDone())) {
      join(inFlight.poll());
    }
    inFlight.add(committer.commit(changes));
    submitted = true;
  }

  /**
   * Waits until every batch submitted is applied (or failed), even after a failure, so that nothing
   * is applied once the caller released its locks.
   *
   * @throws MetasyncException the first batch's error
   */
  void awaitAll() {
    MetasyncException first = null;
    while (!inFlight.isEmpty()) {
      try {
        join(inFlight.poll());
      } catch (MetasyncException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** {@link #awaitAll} after the merge itself failed: adds any batch error to {@code failure}. */
  void awaitAllAfter(Throwable failure) {
    try {
      awaitAll();
    } catch (MetasyncException e) {
      failure.addSuppressed(e);
    }
  }

  private static void join(CompletableFuture<Void> batch) {
    try {
      batch.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof MetasyncException metasyncException) {
        throw metasyncException;
      }
      throw new MetasyncException(
          ErrorCode.INTERNAL, "a sync batch failed: " + e.getCause(), e.getCause());
    }
  }
}
