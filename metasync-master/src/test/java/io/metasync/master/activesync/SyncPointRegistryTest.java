package io.metasync.master.activesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import org.junit.jupiter.api.Test;

class SyncPointRegistryTest {
  private static final NamespacePath ROOT = NamespacePath.ROOT;
  private static final NamespacePath EXT = NamespacePath.parse("/ext");

  private final SyncPointRegistry registry = new SyncPointRegistry();

  private static SyncPoint point(String path, NamespacePath mount) {
    return new SyncPoint(NamespacePath.parse(path), mount, 100);
  }

  @Test
  void aSyncPointMayNeitherRepeatNorNestButSiblingsAreFine() {
    registry.add(point("/a/b", ROOT));

    assertThatThrownBy(() -> registry.checkCanStart(NamespacePath.parse("/a/b")))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS))
        .hasMessageContaining("already a sync point");
    assertThatThrownBy(() -> registry.checkCanStart(NamespacePath.parse("/a/b/c")))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION))
        .hasMessageContaining("inside the sync point /a/b");
    assertThatThrownBy(() -> registry.checkCanStart(NamespacePath.parse("/a")))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.FAILED_PRECONDITION))
        .hasMessageContaining("contains the sync point /a/b");
    registry.checkCanStart(NamespacePath.parse("/a/bc"));
    registry.checkCanStart(NamespacePath.parse("/a/c"));
  }

  @Test
  void removingAMountsSyncPointsLeavesTheOtherMountsOnes() {
    SyncPoint onRoot = point("/data", ROOT);
    SyncPoint firstOnExt = point("/ext/x", EXT);
    SyncPoint secondOnExt = point("/ext/y", EXT);
    registry.add(secondOnExt);
    registry.add(onRoot);
    registry.add(firstOnExt);
    assertThat(registry.mountPaths()).containsExactly(ROOT, EXT);
    assertThat(registry.onMount(EXT)).containsExactly(firstOnExt, secondOnExt);

    assertThat(registry.removeOnMount(EXT)).containsExactly(firstOnExt, secondOnExt);

    assertThat(registry.all()).containsExactly(onRoot);
    assertThat(registry.mountPaths()).containsExactly(ROOT);
    assertThat(registry.statuses())
        .extracting(SyncPointStatus::path)
        .containsExactly(NamespacePath.parse("/data"));
  }

  @Test
  void aSyncPointStartedAgainAfterAStopIsANewOneAndTheOldOneIsNotCurrent() {
    SyncPoint first = point("/data", ROOT);
    registry.add(first);
    assertThat(registry.remove(first.path())).contains(first);
    SyncPoint second = point("/data", ROOT);
    registry.add(second);

    assertThat(registry.isCurrent(first)).isFalse();
    assertThat(registry.isCurrent(second)).isTrue();
    assertThat(registry.get(second.path())).contains(second);
    assertThat(registry.remove(NamespacePath.parse("/missing"))).isEmpty();
  }
}
