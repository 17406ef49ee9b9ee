package io.metasync.master.activesync;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A real control thread and sync executor, named so a test can tell where code ran. */
final class TestThreads implements AutoCloseable {
  static final String CONTROL = "test-control";
  static final String SYNCS = "test-syncs";

  private final ScheduledExecutorService control =
      Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, CONTROL));
  private final ExecutorService syncs =
      Executors.newCachedThreadPool(runnable -> new Thread(runnable, SYNCS));

  ActiveSyncRuntime runtime(Clock clock) {
    return new ActiveSyncRuntime(control, syncs, clock);
  }

  /** Runs {@code work} on the control thread and returns its result. */
  <T> T onControl(Callable<T> work) throws Exception {
    return control.submit(work).get(30, TimeUnit.SECONDS);
  }

  void onControl(Runnable work) throws Exception {
    control.submit(work).get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    control.shutdownNow();
    syncs.shutdownNow();
  }
}
