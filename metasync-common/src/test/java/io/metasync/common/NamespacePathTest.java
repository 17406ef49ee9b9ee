package io.metasync.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NamespacePathTest {
  @Test
  void rootParsesFromSlash() {
    NamespacePath root = NamespacePath.parse("/");

    assertThat(root).isEqualTo(NamespacePath.ROOT);
    assertThat(root.isRoot()).isTrue();
    assertThat(root.name()).isEmpty();
    assertThat(root.depth()).isZero();
    assertThat(root.components()).isEmpty();
    assertThat(root).hasToString("/");
  }

  @Test
  void pathKeepsItsComponents() {
    NamespacePath path = NamespacePath.parse("/a/b c/ünï");

    assertThat(path.components()).containsExactly("a", "b c", "ünï");
    assertThat(path.name()).isEqualTo("ünï");
    assertThat(path.depth()).isEqualTo(3);
    assertThat(path).hasToString("/a/b c/ünï");
  }

  @Test
  void oneTrailingSlashIsDropped() {
    assertThat(NamespacePath.parse("/a/b/")).isEqualTo(NamespacePath.parse("/a/b"));
    assertThat(NamespacePath.parse("/a/b/")).hasToString("/a/b");
  }

  @Test
  void equalPathsHaveEqualHashCodes() {
    assertThat(NamespacePath.parse("/a/b").hashCode())
        .isEqualTo(NamespacePath.parse("/a/b/").hashCode());
    assertThat(NamespacePath.parse("/a/b")).isNotEqualTo(NamespacePath.parse("/a/c"));
  }

  @Test
  void relativePathIsRefusedNamingIt() {
    assertInvalid("a/b", "'a/b'", "not absolute");
    assertInvalid("", "''", "not absolute");
  }

  @Test
  void emptyComponentIsRefused() {
    assertInvalid("/a//b", "'/a//b'", "empty component");
    assertInvalid("/a/b//", "'/a/b//'", "empty component");
    assertInvalid("//a", "'//a'", "empty component");
  }

  @Test
  void doubleSlashAloneIsRefusedNotTakenForRoot() {
    assertInvalid("//", "'//'", "empty component");
  }

  @Test
  void dotAndDotDotComponentsAreRefused() {
    assertInvalid("/a/./b", "'/a/./b'", "'.'");
    assertInvalid("/a/../b", "'/a/../b'", "'..'");
    assertInvalid("/..", "'/..'", "'..'");
    assertInvalid("/a/..", "'/a/..'", "'..'");
  }

  @Test
  void componentsThatOnlyLookLikeDotsAreAccepted() {
    assertThat(NamespacePath.parse("/.a/..b/...").components()).containsExactly(".a", "..b", "...");
  }

  @Test
  void nulCharacterIsRefused() {
    assertInvalid("/a\0b", "NUL");
  }

  @Test
  void unpairedSurrogateIsRefusedAsNotUtf8() {
    assertInvalid("/a\uD800b", "not valid UTF-8");
    assertInvalid("/a\uDC00", "not valid UTF-8");
  }

  @Test
  void pairedSurrogatesAreAccepted() {
    String emoji = "\uD83D\uDE00";

    assertThat(NamespacePath.parse("/" + emoji).name()).isEqualTo(emoji);
  }

  @Test
  void pathOfTheMostCharactersIsAcceptedAndOneMoreIsRefusedShortened() {
    String longest = "/" + "abcdefghi/".repeat(799) + "abcdefghi";
    assertThat(longest).hasSize(NamespacePath.MAX_LENGTH);
    assertThat(NamespacePath.parse(longest).depth()).isEqualTo(800);

    String tooLong = longest + "x";
    assertThatThrownBy(() -> NamespacePath.parse(tooLong))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage())
                  .startsWith("the path " + tooLong.substring(0, 100) + "... (8,001 characters)")
                  .contains("longer than 8,000 characters")
                  .endsWith("use a shorter path")
                  .hasSizeLessThan(300);
            });
  }

  @Test
  void nameOfTheMostBytesIsAcceptedAndOneMoreIsRefused() {
    String longest = "é".repeat(127) + "x"; // 255 bytes in UTF-8, 128 characters
    assertThat(NamespacePath.parse("/a/" + longest).name()).isEqualTo(longest);

    assertInvalid(
        "/a/" + longest + "y/b",
        "has a name of 256 bytes (" + longest + "y)",
        "more than the 255",
        "use a shorter name");
  }

  @Test
  void anInvalidLongPathIsNamedShortened() {
    String path = "/" + "abcdefghi/".repeat(500) + "/b";

    assertInvalid(
        path, "'" + path.substring(0, 100) + "... (5,003 characters)'", "empty component");
  }

  @Test
  void parentDropsTheLastComponent() {
    assertThat(NamespacePath.parse("/a/b/c").parent()).isEqualTo(NamespacePath.parse("/a/b"));
    assertThat(NamespacePath.parse("/a").parent()).isEqualTo(NamespacePath.ROOT);
  }

  @Test
  void rootHasNoParent() {
    assertThatThrownBy(NamespacePath.ROOT::parent)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/ has no parent");
  }

  @Test
  void childAppendsOneComponent() {
    assertThat(NamespacePath.ROOT.child("a")).isEqualTo(NamespacePath.parse("/a"));
    assertThat(NamespacePath.parse("/a").child("b c")).isEqualTo(NamespacePath.parse("/a/b c"));
  }

  @Test
  void childRefusesNamesThatAreNotOneComponent() {
    NamespacePath parent = NamespacePath.parse("/a");

    assertChildInvalid(parent, "b/c", "'/'");
    assertChildInvalid(parent, "", "empty component");
    assertChildInvalid(parent, ".", "'.'");
    assertChildInvalid(parent, "..", "'..'");
    assertChildInvalid(parent, "x\0", "NUL");
    assertChildInvalid(parent, "\uD800", "UTF-8");
  }

  @Test
  void ancestorAtDepthKeepsThatManyComponents() {
    NamespacePath path = NamespacePath.parse("/a/b/c");

    assertThat(path.ancestor(0)).isEqualTo(NamespacePath.ROOT);
    assertThat(path.ancestor(1)).isEqualTo(NamespacePath.parse("/a"));
    assertThat(path.ancestor(3)).isEqualTo(path);
  }

  @Test
  void startsWithIsComponentWiseAndIncludesItself() {
    NamespacePath path = NamespacePath.parse("/a/b");

    assertThat(path.startsWith(NamespacePath.ROOT)).isTrue();
    assertThat(path.startsWith(NamespacePath.parse("/a"))).isTrue();
    assertThat(path.startsWith(path)).isTrue();
    assertThat(NamespacePath.parse("/ab").startsWith(NamespacePath.parse("/a"))).isFalse();
    assertThat(NamespacePath.parse("/a").startsWith(path)).isFalse();
  }

  @Test
  void isDescendantOfExcludesItself() {
    NamespacePath path = NamespacePath.parse("/a/b");

    assertThat(path.isDescendantOf(NamespacePath.parse("/a"))).isTrue();
    assertThat(path.isDescendantOf(NamespacePath.ROOT)).isTrue();
    assertThat(path.isDescendantOf(path)).isFalse();
    assertThat(NamespacePath.ROOT.isDescendantOf(NamespacePath.ROOT)).isFalse();
    assertThat(NamespacePath.parse("/ab/c").isDescendantOf(NamespacePath.parse("/a"))).isFalse();
  }

  @Test
  void relativeToGivesTheRestWithALeadingSlash() {
    NamespacePath path = NamespacePath.parse("/mnt/data/x/y");

    assertThat(path.relativeTo(NamespacePath.parse("/mnt/data"))).isEqualTo("/x/y");
    assertThat(path.relativeTo(NamespacePath.ROOT)).isEqualTo("/mnt/data/x/y");
    assertThat(path.relativeTo(path)).isEqualTo("/");
  }

  @Test
  void relativeToRefusesAPathThatIsNotAnAncestor() {
    assertThatThrownBy(
            () -> NamespacePath.parse("/mnt/database").relativeTo(NamespacePath.parse("/mnt/data")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/mnt/database")
        .hasMessageContaining("/mnt/data");
  }

  @Test
  void compareToPutsAncestorsBeforeDescendants() {
    assertThat(NamespacePath.ROOT).isLessThan(NamespacePath.parse("/a"));
    assertThat(NamespacePath.parse("/a")).isLessThan(NamespacePath.parse("/a/x"));
    assertThat(NamespacePath.parse("/a/x")).isLessThan(NamespacePath.parse("/a/x/y"));
    assertThat(NamespacePath.parse("/a/b")).isEqualByComparingTo(NamespacePath.parse("/a/b/"));
  }

  @Test
  void compareToIsComponentWiseNotByText() {
    // As text "/a-b" < "/a/x" because '-' (0x2d) sorts before '/' (0x2f); component-wise "a" <
    // "a-b"
    // keeps the whole subtree of /a before its sibling /a-b, which the lock order needs.
    assertThat("/a-b").isLessThan("/a/x");
    assertThat(NamespacePath.parse("/a/x")).isLessThan(NamespacePath.parse("/a-b"));
    assertThat(NamespacePath.parse("/a/zzz")).isLessThan(NamespacePath.parse("/a-b"));
    assertThat(NamespacePath.parse("/a-b")).isLessThan(NamespacePath.parse("/b"));
  }

  @Test
  void sortingKeepsEverySubtreeContiguous() {
    List<NamespacePath> expected =
        List.of("/", "/a", "/a/x", "/a/x/y", "/a/z", "/a-b", "/a-b/c", "/a.b", "/aa", "/b").stream()
            .map(NamespacePath::parse)
            .toList();
    List<NamespacePath> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(7));

    Collections.sort(shuffled);

    assertThat(shuffled).containsExactlyElementsOf(expected);
  }

  private static void assertInvalid(String path, String... messageParts) {
    assertThatThrownBy(() -> NamespacePath.parse(path))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContainingAll(messageParts);
  }

  private static void assertChildInvalid(NamespacePath parent, String name, String messagePart) {
    assertThatThrownBy(() -> parent.child(name))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining(messagePart);
  }
}
