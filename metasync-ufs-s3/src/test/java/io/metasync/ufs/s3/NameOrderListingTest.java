package io.metasync.ufs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.FileType;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The reordering of S3's listing order into String order, over a hand-made folder. */
class NameOrderListingTest {
  private static final S3Permissions PERMISSIONS = new S3Permissions("o", "g", 0755);

  @Test
  void folderComesBeforeNamesThatContinueItWithCharactersBelowSlash() throws IOException {
    FakeFolder folder =
        new FakeFolder(3)
            .folders("a", "a-x", "p")
            .files("a-b", "a.c", "a b", "a0", "a-x-1", "a-x.y", "b", "p-1", "p.txt", "!");

    assertThat(listed(folder)).containsExactlyElementsOf(folder.expected());
  }

  @Test
  void supplementaryCharactersComeBeforeHalfWidthForms() throws IOException {
    FakeFolder folder =
        new FakeFolder(2)
            .files("x\uFF21", "x\uD83D\uDE00", "x\uFF21\uD83D\uDE00", "y")
            .folders("x\uE000");

    assertThat(listed(folder)).containsExactlyElementsOf(folder.expected());
  }

  @Test
  void aKeyBesideAFolderOfTheSameNameIsTheFile() throws IOException {
    FakeFolder folder = new FakeFolder(1000).files("x", "x-1").folders("x", "y");

    List<UfsStatus> listed = listedStatuses(folder);

    assertThat(listed).extracting(UfsStatus::name).containsExactly("x", "x-1", "y");
    assertThat(listed.get(0).type()).isEqualTo(FileType.FILE);
  }

  @Test
  void aWideFolderOfNamesAwaitingAFolderIsStreamedWithProbesNotReadWhole() throws IOException {
    FakeFolder folder = new FakeFolder(10);
    for (int i = 0; i < 1_000; i++) {
      folder.files(String.format("part-%04d.parquet", i));
    }
    folder.folders("part-0500.parquet.d").files("_SUCCESS");

    try (NameOrderListing listing = new NameOrderListing(folder, folder.page(null), 10)) {
      assertThat(listing.next().name()).isEqualTo("_SUCCESS");
      assertThat(listing.next().name()).isEqualTo("part-0000.parquet");
      // the folder 'part' that would come first was asked for, not waited for across 100 pages
      assertThat(folder.pagesRead).isLessThan(5);
      assertThat(folder.probes).isPositive();
    }
    assertThat(listed(folder)).containsExactlyElementsOf(folder.expected());
  }

  @Test
  void aCommonPrefixRepeatedOnTheNextPageIsListedOnce() throws IOException {
    FakeFolder folder = new FakeFolder(2).folders("d").files("a", "e").repeatingFolders();

    assertThat(listed(folder)).containsExactly("a", "d", "e");
  }

  @Test
  void randomFoldersOfAwkwardNamesAreListedInStringOrder() throws IOException {
    String[] pieces = {"a", "b", "-", ".", " ", "0", "\uFF21", "\uD83D\uDE00", "\uE000", "é"};
    Random random = new Random(17);
    for (int round = 0; round < 300; round++) {
      FakeFolder folder = new FakeFolder(1 + random.nextInt(5));
      for (int n = random.nextInt(30); n > 0; n--) {
        StringBuilder name = new StringBuilder(pieces[random.nextInt(2)]);
        for (int length = random.nextInt(4); length > 0; length--) {
          name.append(pieces[random.nextInt(pieces.length)]);
        }
        if (random.nextBoolean()) {
          folder.folders(name.toString());
        } else {
          folder.files(name.toString());
        }
      }
      int pageSize = 1 + random.nextInt(4);
      List<String> listed = new ArrayList<>();
      try (NameOrderListing listing = new NameOrderListing(folder, folder.page(null), pageSize)) {
        while (listing.hasNext()) {
          listed.add(listing.next().name());
        }
      }
      assertThat(listed)
          .as("round %s: %s", round, folder)
          .containsExactlyElementsOf(folder.expected());
    }
  }

  private static List<String> listed(FakeFolder folder) throws IOException {
    return listedStatuses(folder).stream().map(UfsStatus::name).toList();
  }

  private static List<UfsStatus> listedStatuses(FakeFolder folder) throws IOException {
    List<UfsStatus> listed = new ArrayList<>();
    try (NameOrderListing listing = new NameOrderListing(folder, folder.page(null), 4)) {
      while (listing.hasNext()) {
        listed.add(listing.next());
      }
    }
    return listed;
  }

  /** A folder's entries in S3's order, served in pages by an index as token. */
  private static final class FakeFolder implements FolderPages {
    private final int pageSize;
    private final TreeMap<String, UfsStatus> bySortKey = new TreeMap<>(CodePointOrder::compare);
    private boolean repeatFolders;
    int pagesRead;
    int probes;

    FakeFolder(int pageSize) {
      this.pageSize = pageSize;
    }

    FakeFolder files(String... names) {
      for (String name : names) {
        bySortKey.put(name, S3Statuses.file(name, 1, java.time.Instant.EPOCH, "e", PERMISSIONS));
      }
      return this;
    }

    FakeFolder folders(String... names) {
      for (String name : names) {
        bySortKey.put(name + "/", S3Statuses.folder(name, PERMISSIONS));
      }
      return this;
    }

    FakeFolder repeatingFolders() {
      repeatFolders = true;
      return this;
    }

    /** Every name once, a file where a folder has the same name, in String order. */
    List<String> expected() {
      Map<String, UfsStatus> byName = new TreeMap<>();
      bySortKey.values().forEach(status -> byName.putIfAbsent(status.name(), status));
      return List.copyOf(byName.keySet());
    }

    @Override
    public Page page(String token) {
      pagesRead++;
      List<UfsStatus> all = List.copyOf(bySortKey.values());
      int from = token == null ? 0 : Integer.parseInt(token);
      int to = Math.min(all.size(), from + pageSize);
      List<UfsStatus> entries = new ArrayList<>(all.subList(from, to));
      if (repeatFolders && from > 0 && all.get(from - 1).isDirectory()) {
        entries.add(0, all.get(from - 1));
      }
      return new Page(entries, false, to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public Optional<UfsStatus> folder(String name) {
      probes++;
      return Optional.ofNullable(bySortKey.get(name + "/"));
    }

    @Override
    public String toString() {
      return bySortKey.keySet().toString();
    }
  }
}
