package io.metasync.ufs.hdfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.primitives.SignedBytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StringOrderListingTest {
  /** HDFS's order of a folder's children: UTF-8 bytes compared as signed bytes. */
  private static final Comparator<byte[]> HDFS_ORDER = SignedBytes.lexicographicalComparator();

  @Test
  void hdfsOrderDiffersFromStringOrderForTheseNames() {
    List<String> names = List.of("Z", "a", "ab", "aé", "b", "é", "日本", "😀", "！");

    assertThat(hdfsSorted(names)).containsExactly("é", "日本", "！", "😀", "Z", "a", "aé", "ab", "b");
  }

  @Test
  void namesMixingAsciiAndNonAsciiAtEveryDepthComeInStringOrder() throws IOException {
    List<String> names = List.of("b", "B", "a", "A", "10", "9", "é", "e", " lead", "x y", "_", "~");

    assertThat(listInStringOrder(names, 3)).isEqualTo(sorted(names));
  }

  @Test
  void randomNamesOfEveryCharacterClassComeInStringOrderWhateverThePageSize() throws IOException {
    String[] alphabet = {"a", "b", "Z", " ", "~", "é", "ü", "日", "本", "！", "\uE000", "😀", "𝄞"};
    Random random = new Random(7);
    TreeSet<String> names = new TreeSet<>();
    while (names.size() < 600) {
      StringBuilder name = new StringBuilder();
      for (int length = 1 + random.nextInt(4); length > 0; length--) {
        name.append(alphabet[random.nextInt(alphabet.length)]);
      }
      names.add(name.toString());
    }
    List<String> expected = List.copyOf(names);

    for (int pageSize : new int[] {1, 2, 7, 1000}) {
      assertThat(listInStringOrder(expected, pageSize))
          .as("page size %s", pageSize)
          .isEqualTo(expected);
    }
  }

  @Test
  void asciiFolderIsReadPageByPageWithNoExtraCall() throws IOException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      names.add(String.format("part-%05d", i));
    }
    FakeFolder folder = new FakeFolder(names, 10);

    assertThat(readAll(folder)).isEqualTo(names);
    assertThat(folder.calls).isEqualTo(10);
  }

  @Test
  void wideFolderOfOneNonAsciiPrefixNeedsFewExtraCalls() throws IOException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      names.add(String.format("日本-%05d", i));
    }
    FakeFolder folder = new FakeFolder(names, 100);

    assertThat(readAll(folder)).isEqualTo(names);
    assertThat(folder.calls).isLessThanOrEqualTo(10 + 3 * 2);
  }

  @Test
  void nameArrivingOutOfOrderFailsTheListing() {
    // a folder whose pages contradict each other, as one changed between two calls would
    ListingPages<String> contradictory =
        startAfter ->
            new ListingPages.Page<>(
                startAfter.length == 0
                    ? List.of(entry("b"))
                    : new String(startAfter, UTF_8).equals("b") ? List.of(entry("a")) : List.of(),
                startAfter.length == 0);
    StringOrderListing<String> listing = new StringOrderListing<>(contradictory);

    assertThatThrownBy(
            () -> {
              while (listing.next() != null) {
                // read on until the listing fails
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessageContaining("changed while it was listed");
  }

  private static List<String> listInStringOrder(List<String> names, int pageSize)
      throws IOException {
    return readAll(new FakeFolder(names, pageSize));
  }

  private static List<String> readAll(FakeFolder folder) throws IOException {
    StringOrderListing<String> listing = new StringOrderListing<>(folder);
    List<String> listed = new ArrayList<>();
    ListingPages.Entry<String> entry;
    while ((entry = listing.next()) != null) {
      listed.add(entry.value());
    }
    return listed;
  }

  private static List<String> hdfsSorted(List<String> names) {
    return names.stream()
        .map(name -> name.getBytes(UTF_8))
        .sorted(HDFS_ORDER)
        .map(bytes -> new String(bytes, UTF_8))
        .toList();
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().sorted().toList();
  }

  private static ListingPages.Entry<String> entry(String name) {
    return new ListingPages.Entry<>(name.getBytes(UTF_8), name);
  }

  /** A folder served as the NameNode serves it: HDFS order, pages after any name. */
  private static final class FakeFolder implements ListingPages<String> {
    private final List<String> inHdfsOrder;
    private final int pageSize;
    int calls;

    FakeFolder(List<String> names, int pageSize) {
      this.inHdfsOrder = hdfsSorted(names);
      this.pageSize = pageSize;
    }

    @Override
    public Page<String> after(byte[] startAfter) {
      calls++;
      List<Entry<String>> page = new ArrayList<>();
      int index = 0;
      while (index < inHdfsOrder.size()
          && HDFS_ORDER.compare(inHdfsOrder.get(index).getBytes(UTF_8), startAfter) <= 0) {
        index++;
      }
      for (; index < inHdfsOrder.size() && page.size() < pageSize; index++) {
        page.add(entry(inHdfsOrder.get(index)));
      }
      return new Page<>(page, index < inHdfsOrder.size());
    }
  }
}
