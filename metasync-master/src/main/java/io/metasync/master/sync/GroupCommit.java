package io.metasync.master.sync;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.master.inode.InodeChanges;
import io.metasync.master.inode.InodeTree;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Journals the batches of folder merges, several merges' batches to one entry: {@code committers}
 * threads each take what is queued (up to about {@code maxChanges} changes), write it as one
 * journal entry and complete each batch's future once the entry is applied. A recursive sync of
 * many small folders thus writes a few large entries instead of one per folder (a journal entry has
 * a fixed cost: a log record, an apply, a reply), and the log stays busy with up to {@code
 * committers} entries at once. Batches of different merges touch different folders, which their
 * merges hold write-locked, so sharing an entry changes nothing but its size.
 */
public final class GroupCommit implements AutoCloseable {
  private final InodeTree tree;
  private final ExecutorService threads;
  private final int maxChanges;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  private record Pending(ChangeBatch batch, CompletableFuture<Void> applied) {}

  /**
   * @param threads runs the committers; owned (shut down on {@link #close})
   */
  public GroupCommit(InodeTree tree, ExecutorService threads, int committers, int maxChanges) {
    checkArgument(committers > 0, "committers must be positive: %s", committers);
    checkArgument(maxChanges > 0, "maxChanges must be positive: %s", maxChanges);
    this.tree = requireNonNull(tree, "tree is null");
    this.threads = requireNonNull(threads, "threads is null");
    this.maxChanges = maxChanges;
    for (int i = 0; i < committers; i++) {
      threads.execute(this::commitLoop);
    }
  }

  /** Queues {@code batch} (not to be touched afterwards); the future completes once applied. */
  CompletableFuture<Void> commit(ChangeBatch batch) {
    CompletableFuture<Void> applied = new CompletableFuture<>();
    queue.add(new Pending(batch, applied));
    if (closed) {
      failQueued();
    }
    return applied;
  }

  private void commitLoop() {
    try {
      while (!closed) {
        List<Pending> group = new ArrayList<>();
        Pending first = queue.take();
        group.add(first);
        int size = first.batch().size();
        while (size < maxChanges) {
          Pending next = queue.poll();
          if (next == null) {
            break;
          }
          group.add(next);
          size += next.batch().size();
        }
        write(group);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      failQueued();
    }
  }

  private void write(List<Pending> group) {
    try {
      InodeChanges entry = new InodeChanges();
      for (Pending pending : group) {
        pending.batch().addTo(entry);
      }
      tree.commit(entry);
    } catch (RuntimeException e) {
      group.forEach(pending -> pending.applied().completeExceptionally(e));
      return;
    }
    group.forEach(pending -> pending.applied().complete(null));
  }

  private void failQueued() {
    Pending pending;
    while ((pending = queue.poll()) != null) {
      pending
          .applied()
          .completeExceptionally(
              new MetasyncException(ErrorCode.UNAVAILABLE, "the master is stopping"));
    }
  }

  /** Stops the committers; batches not yet written fail with UNAVAILABLE. */
  @Override
  public void close() {
    closed = true;
    threads.shutdownNow();
    failQueued();
  }
}
