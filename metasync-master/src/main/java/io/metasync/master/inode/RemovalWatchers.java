package io.metasync.master.inode;

import static io.metasync.common.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongConsumer;

/**
 * Lets an operation that journaled the removal of a subtree count the inodes removed while the
 * journal applies it: one entry removes a whole subtree, on the journal's apply thread, and this is
 * how the operation waiting for that entry sees how far it has come. Watching is no part of the
 * journaled state: an entry is applied the same whether or not anybody watches (a replay has no
 * watcher). Thread-safe.
 */
public final class RemovalWatchers {
  private static final LongConsumer NOBODY = removed -> {};

  private final ConcurrentMap<Long, LongConsumer> watchers = new ConcurrentHashMap<>();

  /** A watch of one subtree's removal; closing it stops the counts. */
  public interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Passes {@code removed} the number of inodes removed below (and with) {@code topId} as they are
   * removed, until the returned watch is closed. The caller holds the write lock of the subtree, so
   * nobody else removes it meanwhile.
   *
   * @throws IllegalStateException when the subtree is watched already
   */
  public Watch watch(long topId, LongConsumer removed) {
    requireNonNull(removed, "removed is null");
    checkState(
        watchers.putIfAbsent(topId, removed) == null,
        "the removal of inode %s is watched already",
        topId);
    return () -> watchers.remove(topId, removed);
  }

  /** Who counts the removal of the subtree of {@code topId}: its watcher, or nobody. */
  public LongConsumer watcherOf(long topId) {
    return watchers.getOrDefault(topId, NOBODY);
  }
}
