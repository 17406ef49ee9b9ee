package io.metasync.master.activesync;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where and by what time active sync runs; its owner starts and stops the threads.
 *
 * @param control one thread: it owns the sync points' pending changes and the feeds, reads the
 *     feeds and decides what syncs, and never waits for a sync
 * @param syncs runs the sync points' syncs; a whole-subtree sync waits here for its folder
 *     listings, which run on the sync engine's own pool, so this must not be that pool
 * @param clock what the intervals, back-offs and sync times are measured by
 */
public record ActiveSyncRuntime(
    ScheduledExecutorService control, ExecutorService syncs, Clock clock) {
  public ActiveSyncRuntime {
    requireNonNull(control, "control is null");
    requireNonNull(syncs, "syncs is null");
    requireNonNull(clock, "clock is null");
  }
}
