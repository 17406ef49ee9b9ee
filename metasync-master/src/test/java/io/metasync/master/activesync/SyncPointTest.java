package io.metasync.master.activesync;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.NamespacePath;
import org.junit.jupiter.api.Test;

class SyncPointTest {
  private final QuietPeriodRule rule = new QuietPeriodRule(10, 3);

  private static SyncPoint point(int maxPendingPaths) {
    return new SyncPoint(NamespacePath.parse("/p"), NamespacePath.ROOT, maxPendingPaths);
  }

  private static void events(SyncPoint point, int count) {
    for (int i = 0; i < count; i++) {
      point.pending().add(NamespacePath.parse("/p/f" + i));
    }
  }

  @Test
  void activityDecaysByTenPerIntervalAndAddsTheIntervalsEvents() {
    assertThat(QuietPeriodRule.nextActivity(0, 100)).isEqualTo(100);
    assertThat(QuietPeriodRule.nextActivity(100, 10)).isEqualTo(20);
    assertThat(QuietPeriodRule.nextActivity(20, 1)).isEqualTo(3);
  }

  @Test
  void aQuietSyncPointSyncsAtTheEndOfTheInterval() {
    SyncPoint point = point(1000);
    events(point, 3);

    assertThat(point.closeInterval(rule)).isTrue();
    assertThat(point.status().activity()).isEqualTo(3);
    assertThat(point.status().age()).isZero();
  }

  @Test
  void aBusySyncPointWaitsUntilMaxAge() {
    SyncPoint point = point(1000);
    events(point, 50);
    assertThat(point.closeInterval(rule)).isFalse();
    events(point, 50);
    assertThat(point.closeInterval(rule)).isFalse();
    events(point, 50);
    assertThat(point.closeInterval(rule)).isFalse();
    assertThat(point.status().age()).isEqualTo(3);

    events(point, 50);
    assertThat(point.closeInterval(rule)).as("age reached maxage").isTrue();
    assertThat(point.status().age()).isZero();
  }

  @Test
  void aBurstFadesAndThenSyncsWhenQuiet() {
    SyncPoint point = point(10_000);
    events(point, 100);
    assertThat(point.closeInterval(rule)).isFalse();
    assertThat(point.closeInterval(rule)).as("activity 10 is not below 10").isFalse();
    assertThat(point.closeInterval(rule)).as("activity 1").isTrue();
  }

  @Test
  void withoutPendingChangesNothingSyncsAndTheAgeStaysZero() {
    SyncPoint point = point(1000);

    assertThat(point.closeInterval(rule)).isFalse();
    assertThat(point.status().age()).isZero();
  }

  @Test
  void tooManyChangedPathsMeanTheWholeSubtree() {
    SyncPoint point = point(2);
    events(point, 3);

    assertThat(point.pending().wholeSubtree()).isTrue();
    assertThat(point.status().pendingChanges()).isEqualTo(-1);
  }

  @Test
  void aNewSyncPointWithInitialSyncSyncsItsWholeSubtreeAtOnce() {
    SyncPoint point = point(1000);
    point.awaitInitialSync();

    assertThat(point.status().state()).isEqualTo(SyncPointState.INITIAL_SYNC);
    assertThat(point.closeInterval(rule)).isTrue();
    assertThat(point.pending().wholeSubtree()).isTrue();
  }

  @Test
  void aSyncPointWhoseSyncRunsWaitsAndAgesInsteadOfSyncingAgain() {
    SyncPoint point = point(1000);
    events(point, 3);
    SyncWork work = point.beginSync(1_000);
    events(point, 1);

    assertThat(point.closeInterval(rule)).isFalse();
    assertThat(point.status().age()).isEqualTo(1);
    assertThat(point.status().state()).isEqualTo(SyncPointState.SYNCING);

    point.syncSucceeded(work);
    assertThat(point.closeInterval(rule)).as("quiet, and no longer running").isTrue();
  }

  @Test
  void aSyncTakesThePendingChangesAndAFailurePutsThemBack() {
    SyncPoint point = point(1000);
    events(point, 2);

    SyncWork work = point.beginSync(1_000);
    assertThat(work.changedPaths()).hasSize(2);
    assertThat(point.pending().isEmpty()).isTrue();
    assertThat(point.running()).isTrue();

    point.syncFailed(work, "disk on fire");
    assertThat(point.running()).isFalse();
    assertThat(point.pending().paths()).isEqualTo(work.changedPaths());
    assertThat(point.status().state()).isEqualTo(SyncPointState.SYNC_FAILING);
    assertThat(point.status().lastSyncMs()).isZero();
  }

  @Test
  void theOldestUnappliedChangeIsKeptThroughARunningSyncAndItsFailureAndClearedBySuccess() {
    SyncPoint point = point(1000);
    point.notePending(1_000);
    assertThat(point.status().oldestUnappliedMs()).as("nothing pending").isZero();

    events(point, 1);
    point.notePending(2_000);
    events(point, 1);
    point.notePending(3_000);
    assertThat(point.status().oldestUnappliedMs()).isEqualTo(2_000);

    SyncWork first = point.beginSync(4_000);
    events(point, 1);
    point.notePending(5_000);
    assertThat(point.status().oldestUnappliedMs()).as("taken by the running sync").isEqualTo(2_000);

    point.syncFailed(first, "the UFS did not answer");
    assertThat(point.status().oldestUnappliedMs()).as("put back").isEqualTo(2_000);

    SyncWork second = point.beginSync(6_000);
    point.syncSucceeded(second);
    point.notePending(7_000);
    assertThat(point.status().oldestUnappliedMs()).isZero();
  }

  @Test
  void theFeedsLastAnswerIsShown() {
    SyncPoint point = point(1000);
    assertThat(point.status().feedAnsweredMs()).isZero();

    point.feedAnswered(8_000);

    assertThat(point.status().feedAnsweredMs()).isEqualTo(8_000);
  }
}
