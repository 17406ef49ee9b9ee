package io.metasync.master.inode;

import static java.util.Objects.requireNonNull;

import io.metasync.master.journal.Journal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the subtrees that deletes and syncs detached into the trash ({@link Inode#TRASH_ID}), on
 * a thread of its own, in journal entries of at most {@link #ENTRY_INODES} inodes. The journal
 * applies entries one after another, so one entry that removed a subtree of 10,000,000 inodes held
 * up every write behind it for a minute; now each waits for one page at most.
 *
 * <p>What it removes is out of the namespace already, so nobody sees how far it is; a delete that
 * reports progress waits for its subtree here ({@link #awaitPurged}), and its {@link
 * RemovalWatchers} watcher is passed the counts. A trash left by a stop (or a crash) is purged
 * after the next start. Only the leader's journal takes writes: elsewhere the purge fails and is
 * tried again a second later.
 */
public final class TrashPurger implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrashPurger.class);

  /** Inodes removed per journal entry: one RocksDB write of a few tens of milliseconds. */
  static final int ENTRY_INODES = 5_000;

  private static final int TOPS_PAGE = 100;
  private static final long RETRY_MS = 1_000;

  private final InodeStore store;
  private final Journal journal;
  private final RemovalWatchers watchers;
  private final Thread thread;

  /** Guards {@link #pending}; notified when a subtree is detached and after each purge entry. */
  private final Object signal = new Object();

  private boolean pending;
  private String lastFailure;
  private volatile boolean closed;

  public TrashPurger(InodeStore store, Journal journal, RemovalWatchers watchers) {
    this.store = requireNonNull(store, "store is null");
    this.journal = requireNonNull(journal, "journal is null");
    this.watchers = requireNonNull(watchers, "watchers is null");
    this.thread = new Thread(this::run, "metasync-trash-purger");
    thread.setDaemon(true);
  }

  /** Starts the thread; whatever the trash holds from an earlier run is purged first. */
  public void start() {
    wake();
    thread.start();
  }

  /** Something was detached into the trash. */
  public void wake() {
    synchronized (signal) {
      pending = true;
      signal.notifyAll();
    }
  }

  /**
   * Waits until the detached subtree of {@code topId} is gone from the store (at once when it never
   * was in the trash), or this purger is closed: the subtree is out of the namespace either way.
   */
  public void awaitPurged(long topId) throws InterruptedException {
    synchronized (signal) {
      while (!closed
          && store.get(topId).filter(top -> top.parentId() == Inode.TRASH_ID).isPresent()) {
        signal.wait();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    synchronized (signal) {
      signal.notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (!closed) {
        synchronized (signal) {
          while (!pending && !closed) {
            signal.wait();
          }
          pending = false;
        }
        try {
          purgeAll();
        } catch (CancellationException e) {
          return;
        } catch (RuntimeException e) {
          if (closed) {
            return;
          }
          // a follower's journal refuses writes: say it once, not every second
          String why = String.valueOf(e.getMessage());
          if (!why.equals(lastFailure)) {
            LOG.warn("cannot purge the trash yet ({}); trying again every {} ms", why, RETRY_MS);
            lastFailure = why;
          }
          synchronized (signal) {
            signal.wait(RETRY_MS);
            pending = true;
          }
        }
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  private void purgeAll() {
    List<Inode> tops;
    while (!(tops = store.listChildren(Inode.TRASH_ID, "", TOPS_PAGE)).isEmpty()) {
      for (Inode top : tops) {
        purge(top.id());
      }
    }
  }

  private void purge(long topId) {
    LongConsumer watcher = watchers.watcherOf(topId);
    List<Long> entry = new ArrayList<>();
    SubtreeRemoval.walk(
        store,
        topId,
        page -> {
          for (long id : page) {
            entry.add(id);
            if (entry.size() == ENTRY_INODES) {
              commit(entry, watcher);
            }
          }
        });
    if (!entry.isEmpty()) {
      commit(entry, watcher);
    }
  }

  private void commit(List<Long> ids, LongConsumer watcher) {
    if (closed) {
      throw new CancellationException("the trash purger is closed");
    }
    journal.write(new InodeChanges().removeInodes(ids).toEntryAndClear());
    watcher.accept(ids.size());
    ids.clear();
    synchronized (signal) {
      signal.notifyAll();
    }
  }
}
