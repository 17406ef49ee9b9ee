package io.metasync.master.activesync;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.NamespacePath;
import io.metasync.master.mount.MountOptions;
import io.metasync.master.mount.MountPoint;
import io.metasync.proto.journal.FeedCursorUpdate;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.FeedCursor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActiveSyncJournalTest {
  private static final NamespacePath ROOT = NamespacePath.ROOT;

  private final FeedOnlyUnderFileSystem ufs = new FeedOnlyUnderFileSystem("file:///root");
  private final MountPoint rootMount =
      new MountPoint(ROOT, ufs.rootUri(), MountOptions.DEFAULT, ufs);
  private final RecordingJournal journal = new RecordingJournal();
  private final ActiveSyncJournal activeSyncJournal =
      new ActiveSyncJournal(journal, journal.records());
  private final ScriptedChangeFeed feed = new ScriptedChangeFeed();
  private final FeedFollower follower = new FeedFollower(rootMount, feed, null);
  private final SyncPoint a = new SyncPoint(NamespacePath.parse("/a"), ROOT, 100);
  private final SyncPoint b = new SyncPoint(NamespacePath.parse("/b"), ROOT, 100);

  @BeforeEach
  void journalTwoSyncPointsAndReadTwoEvents() throws Exception {
    activeSyncJournal.addSyncPoint(a.path());
    activeSyncJournal.addSyncPoint(b.path());
    feed.thenEvents(
            ChangeEvent.of(ChangeKind.CREATE, "/a/f"), ChangeEvent.of(ChangeKind.CREATE, "/b/g"))
        .poll(Duration.ZERO);
    a.pending().add(NamespacePath.parse("/a/f"));
    b.pending().add(NamespacePath.parse("/b/g"));
  }

  private void writeProgress() {
    activeSyncJournal.writeProgress(ROOT, follower, List.of(a, b));
  }

  private static void syncWhole(SyncPoint point, long startMs) {
    point.syncSucceeded(point.beginSync(startMs));
  }

  @Test
  void theCursorWaitsUntilEverySyncPointOnTheMountAppliedItsEventsWhileSyncTimesGoAtOnce() {
    writeProgress();
    assertThat(journal.progress()).as("nothing moved that can be journaled").isEmpty();

    syncWhole(a, 1_000);
    SyncWork running = b.beginSync(2_000);
    writeProgress();

    assertThat(journal.progress())
        .singleElement()
        .satisfies(
            update -> {
              assertThat(update.hasCursor()).as("b's sync has not applied /b/g yet").isFalse();
              assertThat(update.getLastSyncMsMap()).isEqualTo(Map.of("/a", 1_000L));
            });

    b.syncSucceeded(running);
    writeProgress();

    FeedCursorUpdate last = journal.progress().get(1);
    assertThat(last.getCursor()).isEqualTo("2");
    assertThat(last.getLastSyncMsMap()).isEqualTo(Map.of("/b", 2_000L));
    assertThat(activeSyncJournal.cursor(ROOT)).contains(new FeedCursor("2"));
    assertThat(activeSyncJournal.lastSyncMs(b.path())).isEqualTo(2_000);

    writeProgress();
    assertThat(journal.progress()).as("nothing moved since").hasSize(2);
  }

  @Test
  void aSyncPointWaitingForItsInitialSyncHoldsTheCursorBack() {
    syncWhole(a, 1_000);
    syncWhole(b, 1_000);
    SyncPoint fresh = new SyncPoint(NamespacePath.parse("/fresh"), ROOT, 100);
    fresh.awaitInitialSync();
    activeSyncJournal.addSyncPoint(fresh.path());
    fresh.syncFailed(fresh.beginSync(1_000), "disk on fire");

    activeSyncJournal.writeProgress(ROOT, follower, List.of(a, b, fresh));

    assertThat(journal.progress())
        .singleElement()
        .satisfies(u -> assertThat(u.hasCursor()).isFalse());
  }

  @Test
  void withoutAnOpenFeedOnlySyncTimesAreJournaled() {
    syncWhole(a, 1_000);
    syncWhole(b, 1_000);

    activeSyncJournal.writeProgress(ROOT, null, List.of(a, b));

    assertThat(journal.progress())
        .singleElement()
        .satisfies(
            update -> {
              assertThat(update.hasCursor()).isFalse();
              assertThat(update.getLastSyncMsCount()).isEqualTo(2);
            });
  }

  @Test
  void addedAndRemovedSyncPointsAreReadBackFromTheRecords() {
    activeSyncJournal.removeSyncPoint(a.path());

    assertThat(activeSyncJournal.syncPoints()).containsExactly(b.path());
  }
}
