package io.metasync.ufs.hdfs;

import java.time.Duration;

/** Waits between two empty reads of a feed; tests pass one that advances a manual clock. */
@FunctionalInterface
interface Pause {
  Pause SLEEP = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void pause(Duration duration) throws InterruptedException;
}
