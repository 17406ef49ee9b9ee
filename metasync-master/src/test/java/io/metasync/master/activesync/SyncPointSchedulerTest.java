package io.metasync.master.activesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.metasync.common.NamespacePath;
import io.metasync.master.mount.MountOptions;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountTable;
import io.metasync.proto.journal.FeedCursorUpdate;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's rounds on a real control thread and sync executor, over a scripted feed, an
 * in-memory journal and a syncer the test can hold: what syncs when, and when the cursor moves.
 */
class SyncPointSchedulerTest {
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final NamespacePath ROOT = NamespacePath.ROOT;

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final TestThreads threads = new TestThreads();
  private final ScriptedChangeFeed feed = new ScriptedChangeFeed();
  private final FeedOnlyUnderFileSystem ufs =
      new FeedOnlyUnderFileSystem("file:///root").thenFeed(feed);
  private final MountTable mounts =
      new MountTable(new MountPoint(ROOT, ufs.rootUri(), MountOptions.DEFAULT, ufs));
  private final RecordingJournal journal = new RecordingJournal();
  private final ActiveSyncJournal activeSyncJournal =
      new ActiveSyncJournal(journal, journal.records());
  private final SyncPointRegistry registry = new SyncPointRegistry();
  private final FeedRouter router =
      new FeedRouter(registry, mounts, activeSyncJournal, clock, INTERVAL);
  private final List<NamespacePath> synced = new CopyOnWriteArrayList<>();
  // Counted down by each sync as it starts; see holdSyncs.
  private volatile CountDownLatch started = new CountDownLatch(0);
  // Syncs wait here once started, until the test releases them; open unless a test holds them.
  private volatile CountDownLatch release = new CountDownLatch(0);
  private final SyncPointScheduler scheduler =
      new SyncPointScheduler(
          registry,
          router,
          new SyncPointRunner(
              (path, depth, stats) -> {
                synced.add(path);
                started.countDown();
                awaitRelease();
              },
              threads.runtime(clock)),
          activeSyncJournal,
          clock,
          new ActiveSyncOptions(INTERVAL, 10, 3, true));
  private SyncPoint watched;

  @BeforeEach
  void followOneSyncPoint() throws Exception {
    watched = new SyncPoint(NamespacePath.parse("/watched"), ROOT, 100);
    threads.onControl(
        () -> {
          router.watchNew(watched, mounts.get(ROOT).orElseThrow());
          activeSyncJournal.addSyncPoint(watched.path());
          registry.add(watched);
          scheduler.start();
        });
  }

  @AfterEach
  void stopThreads() {
    threads.close();
  }

  private void awaitRelease() {
    try {
      if (!release.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the sync");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Syncs started from now on wait, once started, until {@code release} is counted down. */
  private void holdSyncs() {
    release = new CountDownLatch(1);
    started = new CountDownLatch(1);
  }

  private void round() throws Exception {
    threads.onControl(scheduler::runRound);
  }

  private void closeInterval() throws Exception {
    clock.advance(INTERVAL);
    round();
  }

  private List<String> journaledCursors() {
    return journal.progress().stream()
        .filter(FeedCursorUpdate::hasCursor)
        .map(FeedCursorUpdate::getCursor)
        .toList();
  }

  private void awaitIdle() {
    await()
        .atMost(DEADLINE)
        .until(() -> threads.onControl(() -> !watched.running() && watched.pending().isEmpty()));
  }

  @Test
  void eventsWaitForTheIntervalToCloseAndThenTheirFolderSyncsAndTheCursorIsJournaled()
      throws Exception {
    feed.thenEvents(ChangeEvent.of(ChangeKind.CREATE, "/watched/sub/f"));

    round();
    assertThat(watched.status().pendingChanges()).isEqualTo(1);
    assertThat(synced).isEmpty();

    closeInterval();
    awaitIdle();

    assertThat(synced).containsExactly(NamespacePath.parse("/watched/sub"));
    assertThat(journaledCursors()).containsExactly("1");
    assertThat(journal.records().lastSyncMs(watched.path())).isEqualTo(clock.millis());
    assertThat(journal.records().cursor(ROOT)).contains("1");
  }

  @Test
  void whileASyncRunsTheControlThreadReadsOnButNeitherStartsItAgainNorMovesTheCursor()
      throws Exception {
    holdSyncs();
    feed.thenEvents(ChangeEvent.of(ChangeKind.CREATE, "/watched/f"));
    round();
    closeInterval();
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    feed.thenEvents(ChangeEvent.of(ChangeKind.CREATE, "/watched/g"));
    round(); // answers although the sync is held
    closeInterval();

    assertThat(watched.status().pendingChanges()).isEqualTo(1);
    assertThat(watched.status().age()).as("it waits for the running sync").isEqualTo(1);
    assertThat(watched.status().state()).isEqualTo(SyncPointState.SYNCING);
    assertThat(synced).hasSize(1);
    assertThat(journaledCursors()).as("/watched/g is not applied yet").isEmpty();

    release.countDown();
    await().atMost(DEADLINE).until(() -> threads.onControl(() -> !watched.running()));
    assertThat(journaledCursors()).as("the sync did not see /watched/g").isEmpty();

    closeInterval();
    awaitIdle();

    assertThat(synced).hasSize(2);
    assertThat(journaledCursors()).containsExactly("2");
  }

  @Test
  void aSyncThatEndsAfterItsSyncPointStoppedReportsNothing() throws Exception {
    holdSyncs();
    feed.thenEvents(ChangeEvent.of(ChangeKind.CREATE, "/watched/f"));
    round();
    closeInterval();
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    int entriesBefore = journal.entries().size();

    threads.onControl(
        () -> {
          activeSyncJournal.removeSyncPoint(watched.path());
          registry.remove(watched.path());
          router.stopFollowing(watched);
        });
    release.countDown();
    scheduler.runningSyncs().get(30, TimeUnit.SECONDS);

    assertThat(journal.entries()).hasSize(entriesBefore + 1);
    assertThat(journal.entries().get(entriesBefore).hasRemoveSyncPoint()).isTrue();
    assertThat(journal.progress()).isEmpty();
  }

  @Test
  void aSyncThatEndsAfterAStopJournalsNothing() throws Exception {
    holdSyncs();
    feed.thenEvents(ChangeEvent.of(ChangeKind.CREATE, "/watched/f"));
    round();
    closeInterval();
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    threads.onControl(scheduler::stop);
    release.countDown();
    scheduler.runningSyncs().get(30, TimeUnit.SECONDS);
    closeInterval();

    assertThat(journal.progress()).isEmpty();
    assertThat(synced).hasSize(1);
  }

  @Test
  void anInitialSyncStartsAtOnceAndHoldsTheCursorBackUntilItIsDone() throws Exception {
    SyncPoint fresh = new SyncPoint(NamespacePath.parse("/fresh"), ROOT, 100);
    holdSyncs();
    threads.onControl(
        () -> {
          router.watchNew(fresh, mounts.get(ROOT).orElseThrow());
          fresh.awaitInitialSync();
          registry.add(fresh);
          scheduler.syncNow(fresh);
        });
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(synced).containsExactly(NamespacePath.parse("/fresh"));

    feed.thenEvents(ChangeEvent.of(ChangeKind.CREATE, "/elsewhere/f"));
    closeInterval();
    assertThat(fresh.status().state()).isEqualTo(SyncPointState.INITIAL_SYNC);
    assertThat(journaledCursors()).isEmpty();

    release.countDown();
    await().atMost(DEADLINE).until(() -> fresh.status().state() == SyncPointState.IDLE);
    await().atMost(DEADLINE).until(() -> journaledCursors().contains("1"));
  }
}
