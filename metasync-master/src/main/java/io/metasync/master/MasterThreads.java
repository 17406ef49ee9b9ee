package io.metasync.master;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.PropertyKey;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The master's own threads, each pool for one kind of work, all daemons, stopped together. */
final class MasterThreads {
  /** Folder listings of recursive syncs: its size bounds their parallelism. */
  final ExecutorService sync;

  /** Producers of server streams (listings, reads, progress), which wait on slow clients. */
  final ExecutorService streams;

  /** Progress ticks of long operations. */
  final ScheduledExecutorService progress;

  /** Active sync: one thread, which owns the sync points and the feeds. */
  final ScheduledExecutorService activeSync;

  MasterThreads(MetasyncConfiguration conf) {
    sync =
        Executors.newFixedThreadPool(
            conf.getInt(PropertyKey.MASTER_SYNC_CONCURRENCY), daemons("metasync-sync"));
    streams = Executors.newCachedThreadPool(daemons("metasync-stream"));
    progress = Executors.newSingleThreadScheduledExecutor(daemons("metasync-progress"));
    activeSync = Executors.newSingleThreadScheduledExecutor(daemons("metasync-activesync"));
  }

  void shutdownNow() {
    activeSync.shutdownNow();
    sync.shutdownNow();
    streams.shutdownNow();
    progress.shutdownNow();
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
