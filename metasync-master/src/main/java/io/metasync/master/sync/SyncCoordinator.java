package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.mount.MountTable;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs syncs so that concurrent requests share UFS listings: a request joins a sync already running
 * for the same path at the same or a greater depth, or for an ancestor's whole subtree. A subtree
 * sync lists one folder per task on a shared executor, so its parallelism is bounded by that
 * executor and no task ever waits for another (no pool starvation); a bounded number of tasks is
 * queued at a time, so a folder of millions of subfolders never floods the executor's queue.
 */
public final class SyncCoordinator {
  private final PathSyncer syncer;
  private final MountTable mounts;
  private final Executor executor;
  private final Clock clock;
  private final ConcurrentHashMap<NamespacePath, Running> running = new ConcurrentHashMap<>();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong joined = new AtomicLong();
  private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();

  /** Folder tasks one recursive sync keeps queued or running: a few per thread of the pool. */
  static final int MAX_FOLDERS_IN_FLIGHT = 32;

  private record Running(SyncDepth depth, CompletableFuture<Void> done, SyncStats stats) {}

  public SyncCoordinator(PathSyncer syncer, MountTable mounts, Executor executor, Clock clock) {
    this.syncer = requireNonNull(syncer, "syncer is null");
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.executor = requireNonNull(executor, "executor is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Syncs {@code path} to {@code depth}, or waits for a running sync that covers it. Returns when
   * the cache reflects the UFS as of a sync that started no earlier than the covering one.
   *
   * @throws MetasyncException the sync's error (also when joined)
   */
  public void sync(NamespacePath path, SyncDepth depth, SyncStats stats) {
    while (true) {
      Running covering = findCovering(path, depth);
      if (covering != null) {
        joined.incrementAndGet();
        listeners.forEach(listener -> listener.syncJoined(path, depth, stats.trigger()));
        await(covering.done());
        // what the request got is what the covering sync listed: its progress says so
        stats.add(covering.stats());
        return;
      }
      Running mine = new Running(depth, new CompletableFuture<>(), stats);
      Running other = running.putIfAbsent(path, mine);
      if (other != null) {
        // A shallower sync of the same path holds the slot: let it finish, then look again.
        awaitQuietly(other.done());
        continue;
      }
      started.incrementAndGet();
      listeners.forEach(listener -> listener.syncStarted(path, depth, stats.trigger()));
      SyncStats.Counts before = stats.counts();
      long startMs = clock.millis();
      RuntimeException error = null;
      try {
        run(path, depth, stats);
        mine.done().complete(null);
      } catch (RuntimeException e) {
        error = e;
        mine.done().completeExceptionally(e);
        throw e;
      } finally {
        if (!listeners.isEmpty()) {
          SyncOutcome outcome =
              new SyncOutcome(
                  path,
                  depth,
                  stats.trigger(),
                  stats.counts().minus(before),
                  clock.millis() - startMs,
                  error);
          listeners.forEach(listener -> listener.syncFinished(outcome));
        }
        running.remove(path, mine);
      }
      return;
    }
  }

  /** Tells {@code listener} of every sync from now on (for metrics and the sync log). */
  public void addListener(SyncListener listener) {
    listeners.add(requireNonNull(listener, "listener is null"));
  }

  /** Syncs run so far. */
  public long startedCount() {
    return started.get();
  }

  /** Requests so far that joined a running sync instead of listing the UFS again. */
  public long joinedCount() {
    return joined.get();
  }

  private Running findCovering(NamespacePath path, SyncDepth depth) {
    Running same = running.get(path);
    if (same != null && same.depth().compareTo(depth) >= 0) {
      return same;
    }
    for (int level = path.depth() - 1; level >= 0; level--) {
      Running ancestor = running.get(path.ancestor(level));
      if (ancestor != null && ancestor.depth() == SyncDepth.SUBTREE) {
        return ancestor;
      }
    }
    return null;
  }

  private void run(NamespacePath path, SyncDepth depth, SyncStats stats) {
    switch (depth) {
      case SELF -> syncer.syncSelf(path, stats);
      case CHILDREN -> syncer.syncChildren(path, true, stats);
      case SUBTREE -> syncSubtree(path, stats);
    }
  }

  private void syncSubtree(NamespacePath top, SyncStats stats) {
    long startMs = clock.millis();
    new SubtreeWalk(
            stats,
            folder -> {
              // A mount point's own entry is its UFS folder's root, which its parent's listing
              // does not carry.
              boolean withOwnEntry = folder.equals(top) || mounts.isMountPoint(folder);
              return new FolderCursor(
                  folder, syncer.syncChildren(folder, withOwnEntry, stats), stats);
            })
        .run(top);
    syncer.subtreeSynced(top, startMs);
  }

  /**
   * Loads every folder below {@code top} (and {@code top} itself) whose children were never loaded,
   * in parallel as a subtree sync does; folders loaded before are not asked of the UFS again, only
   * walked in the cache to find never-loaded ones below them. Descends only into the folders {@code
   * mayDescend} accepts. The entries of folders read from the cache are counted in {@code stats} as
   * loaded, so the counts say what the subtree holds either way. Nothing is recorded as synced
   * beyond the folders listed, since the others were not compared with the UFS.
   *
   * <p>Does nothing when {@code top} is no cached folder.
   *
   * @throws MetasyncException UNAVAILABLE when the UFS fails
   */
  public void load(NamespacePath top, Predicate<Inode> mayDescend, SyncStats stats) {
    new SubtreeWalk(
            stats,
            folder ->
                syncer
                    .loadChildren(folder, mayDescend, stats)
                    .map(children -> new FolderCursor(folder, children, stats))
                    .orElse(null))
        .run(top);
  }

  /**
   * One recursive sync: a task per folder, all on the shared executor, finished when none is
   * running and none is left to visit. At most {@link #MAX_FOLDERS_IN_FLIGHT} tasks are queued or
   * running at once; the folders still to visit wait as {@link FolderCursor}s (a page each), newest
   * first, so the walk goes depth-first and its memory is bounded by the tree's depth, not its
   * width. No task waits for another: a finishing task hands out the next folders itself.
   */
  private final class SubtreeWalk {
    private final SyncStats stats;
    private final Function<NamespacePath, FolderCursor> visitFolder;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Deque<FolderCursor> cursors = new ArrayDeque<>();
    private int inFlight;
    private NamespacePath top;

    /**
     * @param visitFolder syncs or loads one folder and returns the child folders to descend into
     *     (null for none)
     */
    SubtreeWalk(SyncStats stats, Function<NamespacePath, FolderCursor> visitFolder) {
      this.stats = stats;
      this.visitFolder = visitFolder;
    }

    void run(NamespacePath top) {
      this.top = top;
      synchronized (this) {
        inFlight++;
      }
      submit(List.of(top));
      await(done);
    }

    private void submit(List<NamespacePath> folders) {
      for (NamespacePath folder : folders) {
        try {
          executor.execute(() -> visit(folder));
        } catch (RuntimeException e) {
          done.completeExceptionally(e);
          synchronized (this) {
            inFlight--;
          }
        }
      }
    }

    private void visit(NamespacePath directory) {
      try {
        if (!done.isDone()) {
          FolderCursor children = visitFolder.apply(directory);
          if (children != null) {
            synchronized (this) {
              cursors.push(children);
            }
          }
        }
      } catch (MetasyncException e) {
        // A folder deleted between its parent's listing and its own is no error for the walk.
        if (e.code() != ErrorCode.NOT_FOUND || directory.equals(top)) {
          done.completeExceptionally(e);
        }
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      } finally {
        handOut();
      }
    }

    /** Called by each finishing task: queues the next folders, or ends the walk. */
    private void handOut() {
      List<NamespacePath> next = new ArrayList<>();
      boolean finished;
      synchronized (this) {
        inFlight--;
        try {
          while (!done.isDone() && inFlight + next.size() < MAX_FOLDERS_IN_FLIGHT) {
            NamespacePath folder = nextFolder();
            if (folder == null) {
              break;
            }
            next.add(folder);
          }
        } catch (RuntimeException e) {
          done.completeExceptionally(e);
          next.clear();
        }
        inFlight += next.size();
        finished = inFlight == 0 && (cursors.isEmpty() || done.isDone());
      }
      if (finished) {
        done.complete(null);
      }
      submit(next);
    }

    private NamespacePath nextFolder() {
      while (!cursors.isEmpty()) {
        NamespacePath folder = cursors.peek().next(syncer);
        if (folder != null) {
          return folder;
        }
        cursors.pop();
      }
      return null;
    }
  }

  private static void await(CompletableFuture<Void> future) {
    try {
      future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MetasyncException metasyncException) {
        throw metasyncException;
      }
      throw new MetasyncException(ErrorCode.INTERNAL, "sync failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MetasyncException(ErrorCode.UNAVAILABLE, "interrupted while waiting for a sync", e);
    }
  }

  private static void awaitQuietly(CompletableFuture<Void> future) {
    try {
      await(future);
    } catch (MetasyncException e) {
      // Its own caller reports it; this caller runs its own sync next.
    }
  }
}
