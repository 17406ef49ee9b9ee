package io.metasync.master.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.NamespacePath;
import org.junit.jupiter.api.Test;

/** The one face over the sync-path and absent-path caches. */
class PathFreshnessTest {
  private static final NamespacePath FOLDER = NamespacePath.parse("/folder");
  private static final NamespacePath FILE = NamespacePath.parse("/folder/file");
  private static final NamespacePath DEEP = NamespacePath.parse("/folder/sub/deep");

  private final PathFreshness freshness =
      new PathFreshness(new SyncPathCache(100), new AbsentPathCache(100));

  @Test
  void aPathNeverCheckedWasNeverConfirmed() {
    assertThat(freshness.confirmedAt(FILE, SyncDepth.SELF)).isZero();
    assertThat(freshness.lastSynced(FILE)).isZero();
    assertThat(freshness.knownAbsent(FILE)).isFalse();
  }

  @Test
  void aFolderListingConfirmsItsChildrenButNotWhatIsBelowThem() {
    freshness.synced(FOLDER, SyncDepth.CHILDREN, 100);

    assertThat(freshness.confirmedAt(FILE, SyncDepth.SELF)).isEqualTo(100);
    assertThat(freshness.lastSynced(FILE)).isEqualTo(100);
    assertThat(freshness.confirmedAt(FILE, SyncDepth.CHILDREN)).isZero();
  }

  @Test
  void findingAPathAbsentConfirmsItsOwnEntryOnly() {
    freshness.foundAbsent(FILE, 200);

    assertThat(freshness.knownAbsent(FILE)).isTrue();
    assertThat(freshness.confirmedAt(FILE, SyncDepth.SELF)).isEqualTo(200);
    assertThat(freshness.confirmedAt(FILE, SyncDepth.CHILDREN)).isZero();
    // absent is no sync time a status could carry
    assertThat(freshness.lastSynced(FILE)).isZero();
  }

  @Test
  void theLaterOfFoundAndFoundAbsentCounts() {
    freshness.synced(FILE, SyncDepth.SELF, 300);
    freshness.foundAbsent(FILE, 250);

    assertThat(freshness.confirmedAt(FILE, SyncDepth.SELF)).isEqualTo(300);
  }

  @Test
  void aFailedSyncTakesBackWhatCoveredThePath() {
    freshness.synced(NamespacePath.ROOT, SyncDepth.SUBTREE, 100);
    freshness.synced(FOLDER, SyncDepth.CHILDREN, 100);

    freshness.failed(FILE);

    assertThat(freshness.confirmedAt(FILE, SyncDepth.SELF)).isZero();
    assertThat(freshness.confirmedAt(FOLDER, SyncDepth.SELF)).isEqualTo(100);
  }

  @Test
  void aRemovedEntryTakesTheSyncTimesBelowItAlongButNotAbsences() {
    freshness.synced(DEEP, SyncDepth.SELF, 100);
    freshness.foundAbsent(NamespacePath.parse("/folder/sub/gone"), 100);

    freshness.removed(NamespacePath.parse("/folder/sub"));

    assertThat(freshness.confirmedAt(DEEP, SyncDepth.SELF)).isZero();
    assertThat(freshness.knownAbsent(NamespacePath.parse("/folder/sub/gone"))).isTrue();
  }

  @Test
  void forgettingASubtreeForgetsBothFoundAndAbsentThere() {
    freshness.synced(DEEP, SyncDepth.SELF, 100);
    freshness.foundAbsent(FILE, 100);
    freshness.synced(NamespacePath.parse("/other"), SyncDepth.SELF, 100);

    freshness.forgetSubtree(FOLDER);

    assertThat(freshness.confirmedAt(DEEP, SyncDepth.SELF)).isZero();
    assertThat(freshness.knownAbsent(FILE)).isFalse();
    assertThat(freshness.lastSynced(NamespacePath.parse("/other"))).isEqualTo(100);
  }
}
