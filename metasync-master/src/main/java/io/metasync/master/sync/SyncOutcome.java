package io.metasync.master.sync;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;

/**
 * One finished sync, as its log line and metrics show it.
 *
 * @param counts what this sync itself listed and changed (not what the request had counted before)
 * @param durationMs on the master's clock, from the sync's start to its end
 * @param error why it failed, null when it succeeded
 */
public record SyncOutcome(
    NamespacePath path,
    SyncDepth depth,
    SyncTrigger trigger,
    SyncStats.Counts counts,
    long durationMs,
    RuntimeException error) {
  public SyncOutcome {
    requireNonNull(path, "path is null");
    requireNonNull(depth, "depth is null");
    requireNonNull(trigger, "trigger is null");
    requireNonNull(counts, "counts is null");
  }

  public boolean failed() {
    return error != null;
  }
}
