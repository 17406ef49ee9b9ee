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

  /** What a report says at one moment, from the operation's counters and the times given. */
  @FunctionalInterface
  interface Report<T> {
    T at(long startMs, long nowMs, boolean done);
  }

  /** A reporter on the same thread and clock that reports every {@code period}. */
  ProgressReporter every(Duration period) {
    return new ProgressReporter(scheduler, clock, period);
  }

  void run(Runnable operation, SyncStats stats, Consumer<Progress> sink) {
    run(operation, (startMs, nowMs, done) -> progress(stats, nowMs - startMs, done), sink);
  }

  /**
   * Runs {@code operation}, passing {@code sink} a report every period while it runs and a last one
   * (done) after it succeeded; none follows the last. When the operation fails, its exception
   * propagates and no last report is made.
   */
  <T> void run(Runnable operation, Report<T> report, Consumer<T> sink) {
    long startMs = clock.millis();
    Ticks ticks = new Ticks();
    ScheduledFuture<?> ticker =
        scheduler.scheduleAtFixedRate(
            () -> ticks.tick(() -> sink.accept(report.at(startMs, clock.millis(), false))),
            period.toMillis(),
            period.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      operation.run();
    } finally {
      ticker.cancel(false);
      ticks.stop();
    }
    sink.accept(report.at(startMs, clock.millis(), true));
  }

  private Progress progress(SyncStats stats, long elapsedMs, boolean done) {
    return Progress.newBuilder()
        .setDirectories(stats.directories())
        .setFiles(stats.files())
        .setElapsedMs(elapsedMs)
        .setDone(done)
        .build();
  }

  /**
   * Keeps a tick that was already running when the operation ended from sending its (older) report
   * after the last one: cancelling the ticker does not wait for it.
   */
  private static final class Ticks {
    private boolean stopped;

    synchronized void tick(Runnable report) {
      if (!stopped) {
        report.run();
      }
    }

    synchronized void stop() {
      stopped = true;
    }
  }
}
