package io.metasync.master;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads and the clock a {@link Namespace} runs on; their owner starts and stops them.
 *
 * @param syncExecutor runs the folder listings of recursive syncs; its size bounds their
 *     parallelism
 * @param activeSyncThread the control thread of active sync (its syncs run on threads of their own)
 * @param clock what sync intervals and times are measured by
 */
public record NamespaceThreads(
    ExecutorService syncExecutor, ScheduledExecutorService activeSyncThread, Clock clock) {
  public NamespaceThreads {
    requireNonNull(syncExecutor, "syncExecutor is null");
    requireNonNull(activeSyncThread, "activeSyncThread is null");
    requireNonNull(clock, "clock is null");
  }
}
