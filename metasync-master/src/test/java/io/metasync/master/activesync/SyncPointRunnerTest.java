package io.metasync.master.activesync;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.ufs.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncPointRunnerTest {
  private static final NamespacePath A = NamespacePath.parse("/a");

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final TestThreads threads = new TestThreads();
  private final List<String> synced = new CopyOnWriteArrayList<>();
  private volatile Syncer behaviour = (path, depth, stats) -> {};
  private final SyncPointRunner runner =
      new SyncPointRunner(
          (path, depth, stats) -> {
            synced.add(depth + " " + path);
            behaviour.sync(path, depth, stats);
          },
          threads.runtime(clock));
  private final SyncPoint point = new SyncPoint(A, NamespacePath.ROOT, 100);

  @AfterEach
  void stopThreads() {
    threads.close();
  }

  private void changed(String... paths) {
    for (String path : paths) {
      point.pending().add(NamespacePath.parse(path));
    }
  }

  /** Starts the sync on the control thread, as the scheduler does, and waits for its outcome. */
  private void runToTheEnd() throws Exception {
    threads.onControl(() -> runner.run(point)).get(30, TimeUnit.SECONDS);
  }

  @Test
  void changedPathsAreSyncedThroughTheirFoldersAndAFolderGoneSinceIsNoError() throws Exception {
    behaviour =
        (path, depth, stats) -> {
          if (path.equals(NamespacePath.parse("/a/gone"))) {
            throw new MetasyncException(ErrorCode.NOT_FOUND, path + " does not exist");
          }
        };
    changed("/a/x/f", "/a/x/g", "/a/gone/h", "/a");
    long startMs = clock.millis();

    runToTheEnd();

    assertThat(synced).containsExactly("CHILDREN /a", "CHILDREN /a/gone", "CHILDREN /a/x");
    assertThat(point.status().state()).isEqualTo(SyncPointState.IDLE);
    assertThat(point.status().lastSyncMs()).isEqualTo(startMs);
    assertThat(point.pending().isEmpty()).isTrue();
  }

  @Test
  void aWholeSubtreeIsOneSubtreeSyncOfTheSyncPoint() throws Exception {
    point.awaitInitialSync();

    runToTheEnd();

    assertThat(synced).containsExactly("SUBTREE /a");
    assertThat(point.status().state()).isEqualTo(SyncPointState.IDLE);
  }

  @Test
  void theSyncRunsOnTheSyncExecutorAndItsOutcomeIsRecordedOnTheControlThread() throws Exception {
    AtomicReference<String> syncedOn = new AtomicReference<>();
    AtomicReference<String> recordedOn = new AtomicReference<>();
    CountDownLatch release = new CountDownLatch(1);
    behaviour =
        (path, depth, stats) -> {
          syncedOn.set(Thread.currentThread().getName());
          await(release);
        };
    point.awaitInitialSync();

    CompletableFuture<Void> done =
        threads.onControl(
            () ->
                runner.run(point).thenRun(() -> recordedOn.set(Thread.currentThread().getName())));
    // The control thread is free while the sync is held.
    assertThat(threads.onControl(() -> point.running())).isTrue();
    assertThat(point.status().state()).isEqualTo(SyncPointState.INITIAL_SYNC);
    release.countDown();
    done.get(30, TimeUnit.SECONDS);

    assertThat(syncedOn.get()).isEqualTo(TestThreads.SYNCS);
    assertThat(recordedOn.get()).isEqualTo(TestThreads.CONTROL);
    assertThat(point.running()).isFalse();
  }

  @Test
  void aFailedSyncPutsItsPathsBackAndShowsWhyUntilASyncSucceeds() throws Exception {
    behaviour =
        (path, depth, stats) -> {
          throw new MetasyncException(ErrorCode.UNAVAILABLE, "disk on fire");
        };
    changed("/a/x/f");
    long firstFailureMs = clock.millis();

    runToTheEnd();
    clock.advance(java.time.Duration.ofSeconds(30));
    runToTheEnd();

    SyncPointStatus failing = point.status();
    assertThat(failing.state()).isEqualTo(SyncPointState.SYNC_FAILING);
    assertThat(failing.trouble().cause()).isEqualTo("disk on fire");
    assertThat(failing.trouble().failures()).isEqualTo(2);
    assertThat(failing.trouble().sinceMs()).isEqualTo(firstFailureMs);
    assertThat(failing.lastSyncMs()).isZero();
    assertThat(point.pending().paths()).isEqualTo(Set.of(NamespacePath.parse("/a/x/f")));
    assertThat(point.pending().takeEventCount()).as("a retry is no new activity").isEqualTo(1);

    behaviour = (path, depth, stats) -> {};
    runToTheEnd();

    assertThat(point.status().state()).isEqualTo(SyncPointState.IDLE);
    assertThat(point.status().trouble()).isNull();
    assertThat(point.status().lastSyncMs()).isEqualTo(clock.millis());
  }

  @Test
  void anUnexpectedErrorIsAFailedSyncToo() throws Exception {
    behaviour =
        (path, depth, stats) -> {
          throw new IllegalStateException("the journal is closed");
        };
    point.awaitInitialSync();

    runToTheEnd();

    assertThat(point.status().state()).isEqualTo(SyncPointState.SYNC_FAILING);
    assertThat(point.status().trouble().cause()).contains("the journal is closed");
    assertThat(point.state())
        .as("the initial sync is retried")
        .isEqualTo(SyncPointState.INITIAL_SYNC);
    assertThat(point.pending().wholeSubtree()).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the sync");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
