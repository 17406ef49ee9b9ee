package io.metasync.master.sync;

import static io.metasync.master.sync.SyncDepth.CHILDREN;
import static io.metasync.master.sync.SyncDepth.SELF;
import static io.metasync.master.sync.SyncDepth.SUBTREE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.NamespacePath;
import org.junit.jupiter.api.Test;

class SyncPathCacheTest {
  private final SyncPathCache cache = new SyncPathCache(1_000);

  private static NamespacePath path(String path) {
    return NamespacePath.parse(path);
  }

  @Test
  void unknownPathWasNeverSynced() {
    assertThat(cache.lastSynced(path("/a"), SELF)).isZero();
    assertThat(cache.lastSynced(NamespacePath.ROOT, SUBTREE)).isZero();
  }

  @Test
  void ownRecordCoversItsDepthAndShallowerOnly() {
    cache.recordSynced(path("/a"), CHILDREN, 100);

    assertThat(cache.lastSynced(path("/a"), SELF)).isEqualTo(100);
    assertThat(cache.lastSynced(path("/a"), CHILDREN)).isEqualTo(100);
    assertThat(cache.lastSynced(path("/a"), SUBTREE)).isZero();
  }

  @Test
  void selfRecordDoesNotCoverChildren() {
    cache.recordSynced(path("/a"), SELF, 100);

    assertThat(cache.lastSynced(path("/a"), SELF)).isEqualTo(100);
    assertThat(cache.lastSynced(path("/a"), CHILDREN)).isZero();
    assertThat(cache.lastSynced(path("/a/b"), SELF)).isZero();
  }

  @Test
  void subtreeRecordOfFolderCoversDeepDescendantAtEveryDepth() {
    cache.recordSynced(path("/a"), SUBTREE, 100);

    for (SyncDepth depth : SyncDepth.values()) {
      assertThat(cache.lastSynced(path("/a"), depth)).isEqualTo(100);
      assertThat(cache.lastSynced(path("/a/b"), depth)).isEqualTo(100);
      assertThat(cache.lastSynced(path("/a/b/c"), depth)).isEqualTo(100);
    }
    assertThat(cache.lastSynced(path("/b"), SELF)).isZero();
    assertThat(cache.lastSynced(path("/ab"), SELF)).isZero();
  }

  @Test
  void subtreeRecordOfRootCoversEverything() {
    cache.recordSynced(NamespacePath.ROOT, SUBTREE, 100);

    assertThat(cache.lastSynced(path("/x/y/z"), SUBTREE)).isEqualTo(100);
  }

  @Test
  void parentsChildrenRecordCoversChildsSelfButNotChildsChildren() {
    cache.recordSynced(path("/a"), CHILDREN, 100);

    assertThat(cache.lastSynced(path("/a/b"), SELF)).isEqualTo(100);
    assertThat(cache.lastSynced(path("/a/b"), CHILDREN)).isZero();
    assertThat(cache.lastSynced(path("/a/b"), SUBTREE)).isZero();
    assertThat(cache.lastSynced(path("/a/b/c"), SELF)).isZero();
  }

  @Test
  void latestOfOwnParentAndAncestorRecordsWins() {
    cache.recordSynced(path("/a"), SUBTREE, 100);
    cache.recordSynced(path("/a/b"), CHILDREN, 300);
    cache.recordSynced(path("/a/b/c"), SELF, 200);

    assertThat(cache.lastSynced(path("/a/b/c"), SELF)).isEqualTo(300);
    assertThat(cache.lastSynced(path("/a/b/c"), CHILDREN)).isEqualTo(100);
    assertThat(cache.lastSynced(path("/a/b"), SUBTREE)).isEqualTo(100);
    assertThat(cache.lastSynced(path("/a/b"), CHILDREN)).isEqualTo(300);
  }

  @Test
  void laterRecordWithOlderStartTimeDoesNotMoveTimeBack() {
    cache.recordSynced(path("/a"), SUBTREE, 500);
    cache.recordSynced(path("/a"), SUBTREE, 100);
    cache.recordSynced(path("/a"), SELF, 200);

    assertThat(cache.lastSynced(path("/a"), SUBTREE)).isEqualTo(500);
    assertThat(cache.lastSynced(path("/a"), SELF)).isEqualTo(500);
  }

  @Test
  void shallowRecordAfterDeepOneKeepsTheDeepOne() {
    cache.recordSynced(path("/a"), SUBTREE, 100);
    cache.recordSynced(path("/a"), SELF, 200);

    assertThat(cache.lastSynced(path("/a"), SELF)).isEqualTo(200);
    assertThat(cache.lastSynced(path("/a"), SUBTREE)).isEqualTo(100);
  }

  @Test
  void negativeStartTimeIsRefused() {
    assertThatThrownBy(() -> cache.recordSynced(path("/a"), SELF, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidateClearsThePathsOwnRecord() {
    cache.recordSynced(path("/a/b"), SUBTREE, 100);

    cache.invalidate(path("/a/b"));

    assertThat(cache.lastSynced(path("/a/b"), SELF)).isZero();
    assertThat(cache.size()).isZero();
  }

  @Test
  void invalidateClearsParentsChildrenRecordButKeepsParentsSelf() {
    cache.recordSynced(path("/a"), CHILDREN, 100);
    cache.recordSynced(path("/a/c"), SELF, 50);

    cache.invalidate(path("/a/b"));

    assertThat(cache.lastSynced(path("/a/b"), SELF)).isZero();
    assertThat(cache.lastSynced(path("/a"), CHILDREN)).isZero();
    assertThat(cache.lastSynced(path("/a"), SELF)).isEqualTo(100);
    // A sibling keeps its own record, though no longer the parent's listing.
    assertThat(cache.lastSynced(path("/a/c"), SELF)).isEqualTo(50);
  }

  @Test
  void invalidateClearsEveryAncestorsSubtreeRecord() {
    cache.recordSynced(NamespacePath.ROOT, SUBTREE, 100);
    cache.recordSynced(path("/a"), SUBTREE, 200);
    cache.recordSynced(path("/a/b"), SUBTREE, 300);

    cache.invalidate(path("/a/b/c"));

    assertThat(cache.lastSynced(path("/a/b/c"), SELF)).isZero();
    assertThat(cache.lastSynced(path("/a/b/d"), SELF)).isZero();
    assertThat(cache.lastSynced(path("/x"), CHILDREN)).isZero();
    assertThat(cache.lastSynced(path("/a/b"), SUBTREE)).isZero();
    assertThat(cache.lastSynced(path("/a"), SUBTREE)).isZero();
    // A SUBTREE record also stood for a one-level listing; for ancestors above the parent that
    // listing never vouched for /a/b/c, so it stays.
    assertThat(cache.lastSynced(path("/a"), CHILDREN)).isEqualTo(200);
    assertThat(cache.lastSynced(path("/x"), SELF)).isEqualTo(100);
    assertThat(cache.lastSynced(path("/a/b"), SELF)).isEqualTo(300);
    assertThat(cache.lastSynced(NamespacePath.ROOT, SELF)).isEqualTo(100);
  }

  @Test
  void invalidateLeavesUnrelatedPathsAlone() {
    cache.recordSynced(path("/b"), SUBTREE, 100);
    cache.recordSynced(path("/a/b/c"), SUBTREE, 100);

    cache.invalidate(path("/a/b"));

    assertThat(cache.lastSynced(path("/b/x"), SUBTREE)).isEqualTo(100);
    assertThat(cache.lastSynced(path("/a/b/c"), SUBTREE)).isEqualTo(100);
  }

  @Test
  void forgetSubtreeRemovesPathAndDescendantsButNotSiblings() {
    cache.recordSynced(path("/a"), SUBTREE, 100);
    cache.recordSynced(path("/a/b"), SELF, 100);
    cache.recordSynced(path("/a/b/c"), SELF, 100);
    cache.recordSynced(path("/a-b"), SELF, 100);
    cache.recordSynced(path("/ab"), SELF, 100);
    cache.recordSynced(NamespacePath.ROOT, CHILDREN, 50);

    cache.forgetSubtree(path("/a"));

    assertThat(cache.lastSynced(path("/a/b/c"), SELF)).isZero();
    assertThat(cache.lastSynced(path("/a/b"), SUBTREE)).isZero();
    assertThat(cache.lastSynced(path("/a-b"), SELF)).isEqualTo(100);
    assertThat(cache.lastSynced(path("/ab"), SELF)).isEqualTo(100);
    // The root's listing still covers /a itself.
    assertThat(cache.lastSynced(path("/a"), SELF)).isEqualTo(50);
    assertThat(cache.size()).isEqualTo(3);
  }

  @Test
  void sizeStaysWithinCapacity() {
    SyncPathCache small = new SyncPathCache(100);
    for (int i = 0; i < 10_000; i++) {
      small.recordSynced(path("/p" + i), SELF, i);
      assertThat(small.size()).isLessThanOrEqualTo(100);
    }
    assertThat(small.lastSynced(path("/p9999"), SELF)).isEqualTo(9_999);
  }

  @Test
  void evictionForgetsTheOldestRecordsFirst() {
    SyncPathCache small = new SyncPathCache(10);
    // Recorded out of time order, so eviction must go by time, not by insertion order.
    for (int i = 9; i >= 0; i--) {
      small.recordSynced(path("/p" + i), SELF, 100 + i);
    }
    small.recordSynced(path("/p1"), CHILDREN, 500);

    small.recordSynced(path("/new"), SUBTREE, 50_000);

    // Cut to 90% of 10: the two oldest records, /p0 and /p2 (/p1 was synced again), go.
    assertThat(small.size()).isEqualTo(9);
    assertThat(small.lastSynced(path("/p0"), SELF)).isZero();
    assertThat(small.lastSynced(path("/p2"), SELF)).isZero();
    assertThat(small.lastSynced(path("/p1"), CHILDREN)).isEqualTo(500);
    assertThat(small.lastSynced(path("/p3"), SELF)).isEqualTo(103);
    assertThat(small.lastSynced(path("/new/x"), SUBTREE)).isEqualTo(50_000);
  }

  @Test
  void cacheOfOneKeepsTheNewestRecord() {
    SyncPathCache single = new SyncPathCache(1);
    single.recordSynced(path("/a"), SELF, 100);
    single.recordSynced(path("/b"), SELF, 200);

    assertThat(single.lastSynced(path("/b"), SELF)).isEqualTo(200);
    assertThat(single.lastSynced(path("/a"), SELF)).isZero();
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> new SyncPathCache(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFoldersChildrenSyncedTimeGivesEachChildItsLastSyncedTime() {
    cache.recordSynced(path("/a"), SUBTREE, 100);
    cache.recordSynced(path("/a/b"), CHILDREN, 150);
    cache.recordSynced(path("/a/b/c"), SELF, 300);
    cache.recordSynced(path("/a/b/d"), CHILDREN, 120);
    cache.recordSynced(path("/x"), CHILDREN, 500);

    for (String child : new String[] {"/a/b/c", "/a/b/d", "/a/b/e", "/a/b", "/x/y", "/q"}) {
      NamespacePath childPath = path(child);
      long folderTime = cache.childrenSynced(childPath.parent());
      assertThat(cache.lastSyncedChild(childPath, folderTime))
          .as(child)
          .isEqualTo(cache.lastSynced(childPath, SELF));
    }
    assertThat(cache.childrenSynced(path("/a/b"))).isEqualTo(150);
    assertThat(cache.childrenSynced(path("/a/b/d"))).isEqualTo(120);
    assertThat(cache.childrenSynced(path("/a/b/c"))).isEqualTo(100);
  }
}
