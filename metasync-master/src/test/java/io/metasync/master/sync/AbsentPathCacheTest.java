package io.metasync.master.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.NamespacePath;
import org.junit.jupiter.api.Test;

class AbsentPathCacheTest {
  private final AbsentPathCache cache = new AbsentPathCache(1_000);

  private static NamespacePath path(String path) {
    return NamespacePath.parse(path);
  }

  @Test
  void unknownPathIsNotKnownAbsent() {
    assertThat(cache.absentSince(path("/a"))).isEmpty();
  }

  @Test
  void recordedPathIsAbsentSinceItsCheck() {
    cache.recordAbsent(path("/a/missing"), 100);

    assertThat(cache.absentSince(path("/a/missing"))).hasValue(100);
    assertThat(cache.absentSince(path("/a"))).isEmpty();
  }

  @Test
  void laterCheckWinsAndOlderOneDoesNotMoveTimeBack() {
    cache.recordAbsent(path("/a"), 100);
    cache.recordAbsent(path("/a"), 300);
    cache.recordAbsent(path("/a"), 200);

    assertThat(cache.absentSince(path("/a"))).hasValue(300);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void forgetSubtreeRemovesPathAndDescendantsButNotLookalikeSiblings() {
    for (String absent : new String[] {"/a", "/a/b", "/a/b/c", "/a-b", "/ab", "/a!", "/", "/b"}) {
      cache.recordAbsent(path(absent), 100);
    }

    cache.forgetSubtree(path("/a"));

    assertThat(cache.absentSince(path("/a"))).isEmpty();
    assertThat(cache.absentSince(path("/a/b"))).isEmpty();
    assertThat(cache.absentSince(path("/a/b/c"))).isEmpty();
    assertThat(cache.absentSince(path("/a-b"))).hasValue(100);
    assertThat(cache.absentSince(path("/ab"))).hasValue(100);
    assertThat(cache.absentSince(path("/a!"))).hasValue(100);
    assertThat(cache.absentSince(NamespacePath.ROOT)).hasValue(100);
    assertThat(cache.absentSince(path("/b"))).hasValue(100);
    assertThat(cache.size()).isEqualTo(5);
  }

  @Test
  void forgetSubtreeOfPathNeverRecordedRemovesItsDescendants() {
    cache.recordAbsent(path("/x/y"), 100);
    cache.recordAbsent(path("/x/y/z"), 100);

    cache.forgetSubtree(path("/x"));

    assertThat(cache.size()).isZero();
  }

  @Test
  void sizeStaysWithinCapacity() {
    AbsentPathCache small = new AbsentPathCache(100);
    for (int i = 0; i < 10_000; i++) {
      small.recordAbsent(path("/p" + i), i);
      assertThat(small.size()).isLessThanOrEqualTo(100);
    }
    assertThat(small.absentSince(path("/p9999"))).hasValue(9_999);
  }

  @Test
  void evictionForgetsTheOldestChecksFirst() {
    AbsentPathCache small = new AbsentPathCache(10);
    for (int i = 9; i >= 0; i--) {
      small.recordAbsent(path("/p" + i), 100 + i);
    }
    small.recordAbsent(path("/p0"), 500);

    small.recordAbsent(path("/new"), 1_000);

    // Cut to 90% of 10: /p1 and /p2 had the oldest checks (/p0 was checked again).
    assertThat(small.size()).isEqualTo(9);
    assertThat(small.absentSince(path("/p1"))).isEmpty();
    assertThat(small.absentSince(path("/p2"))).isEmpty();
    assertThat(small.absentSince(path("/p0"))).hasValue(500);
    assertThat(small.absentSince(path("/p3"))).hasValue(103);
    assertThat(small.absentSince(path("/new"))).hasValue(1_000);
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> new AbsentPathCache(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
