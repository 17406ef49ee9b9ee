package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import io.metasync.master.sync.SyncStats;
import io.metasync.proto.Progress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a long operation and reports its counts periodically while it runs, then once at the end.
 */
public final class ProgressReporter {
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Duration period;

  public ProgressReporter(ScheduledExecutorService scheduler, Clock clock, Duration period) {
    this.scheduler = requireNonNull(scheduler, "scheduler is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.period = requireNonNull(period, "period is null");
  }

  void run(Runnable operation, SyncStats stats, Consumer<Progress> sink) {
    long startMs = clock.millis();
    ScheduledFuture<?> ticker =
        scheduler.scheduleAtFixedRate(
            () -> sink.accept(progress(stats, startMs, false)),
            period.toMillis(),
            period.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      operation.run();
    } finally {
      ticker.cancel(false);
    }
    sink.accept(progress(stats, startMs, true));
  }

  private Progress progress(SyncStats stats, long startMs, boolean done) {
    return Progress.newBuilder()
        .setDirectories(stats.directories())
        .setFiles(stats.files())
        .setElapsedMs(clock.millis() - startMs)
        .setDone(done)
        .build();
  }
}
