package io.metasync.master.metrics;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.sync.SyncDepth;
import io.metasync.master.sync.SyncListener;
import io.metasync.master.sync.SyncOutcome;
import io.metasync.master.sync.SyncStats;
import io.metasync.master.sync.SyncTrigger;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per sync: at INFO when it took at least {@code metasync.master.sync.log.threshold}
 * (a slow sync is what an operator looks for), at DEBUG otherwise; a failed sync's line says why.
 * The logger is named {@code io.metasync.master.sync.log}, so it can be set apart in the log
 * configuration.
 */
public final class SyncLog implements SyncListener {
  static final String LOGGER_NAME = "io.metasync.master.sync.log";

  private final long thresholdMs;
  private final Logger log;

  public SyncLog(Duration threshold) {
    this(threshold, LoggerFactory.getLogger(LOGGER_NAME));
  }

  /** Logs to {@code log} (a test's recording logger). */
  SyncLog(Duration threshold, Logger log) {
    this.thresholdMs = requireNonNull(threshold, "threshold is null").toMillis();
    this.log = requireNonNull(log, "log is null");
  }

  @Override
  public void syncStarted(NamespacePath path, SyncDepth depth, SyncTrigger trigger) {}

  @Override
  public void syncJoined(NamespacePath path, SyncDepth depth, SyncTrigger trigger) {}

  @Override
  public void syncFinished(SyncOutcome outcome) {
    boolean slow = outcome.durationMs() >= thresholdMs;
    if (!(slow ? log.isInfoEnabled() : log.isDebugEnabled())) {
      return;
    }
    String line = line(outcome);
    if (slow) {
      log.info(line);
    } else {
      log.debug(line);
    }
  }

  static String line(SyncOutcome outcome) {
    SyncStats.Counts counts = outcome.counts();
    return "sync "
        + outcome.path()
        + " trigger="
        + SyncMetrics.label(outcome.trigger())
        + " depth="
        + SyncMetrics.label(outcome.depth())
        + " listed="
        + counts.listed()
        + " added="
        + counts.added()
        + " updated="
        + counts.updated()
        + " removed="
        + counts.removed()
        + " ufsCalls="
        + counts.ufsCalls()
        + " durationMs="
        + outcome.durationMs()
        + (outcome.failed() ? " failed: " + outcome.error().getMessage() : "");
  }
}
