package io.metasync.master.inode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.FileType;
import io.metasync.ufs.Fingerprint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link InodeStore} passes (heap now, RocksDB later): one subclass per backend
 * supplies a fresh, empty store.
 */
public abstract class AbstractInodeStoreTest {
  private static final long ROOT = Inode.ROOT_ID;
  private static final long TIMEOUT_SECONDS = 60;

  protected InodeStore store;

  /** A new, empty store. */
  protected abstract InodeStore createStore();

  @BeforeEach
  void openStore() {
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected static Inode root() {
    return new Inode(
        ROOT,
        Inode.NO_PARENT,
        "",
        new Fingerprint(FileType.DIRECTORY, 0, 0, "o", "g", 0755, ""),
        false);
  }

  protected static Inode folder(long id, long parentId, String name) {
    return new Inode(
        id, parentId, name, new Fingerprint(FileType.DIRECTORY, 0, 0, "o", "g", 0755, ""), false);
  }

  protected static Inode file(long id, long parentId, String name) {
    return new Inode(
        id, parentId, name, new Fingerprint(FileType.FILE, 10, 1000, "o", "g", 0644, ""), false);
  }

  private static List<String> names(List<Inode> inodes) {
    return inodes.stream().map(Inode::name).toList();
  }

  @Test
  void newStoreIsEmpty() {
    assertThat(store.size()).isZero();
    assertThat(store.get(ROOT)).isEmpty();
    assertThat(store.hasChildren(ROOT)).isFalse();
    assertThat(store.listChildren(ROOT, "", 10)).isEmpty();
  }

  @Test
  void putInodeCanBeReadByIdAndAsChild() {
    store.put(root());
    Inode file = file(2, ROOT, "data.csv");
    store.put(file);

    assertThat(store.get(2)).contains(file);
    assertThat(store.get(ROOT)).contains(root());
    assertThat(store.getChild(ROOT, "data.csv")).contains(file);
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void rootIsInNoFolderListing() {
    store.put(root());

    assertThat(store.listChildren(ROOT, "", 10)).isEmpty();
    assertThat(store.hasChildren(ROOT)).isFalse();
  }

  @Test
  void getOfUnknownIdOrNameIsEmpty() {
    store.put(root());
    store.put(file(2, ROOT, "a"));

    assertThat(store.get(3)).isEmpty();
    assertThat(store.getChild(ROOT, "b")).isEmpty();
    assertThat(store.getChild(2, "a")).isEmpty();
  }

  @Test
  void childNamesAreCaseSensitive() {
    store.put(root());
    store.put(file(2, ROOT, "Readme"));
    store.put(file(3, ROOT, "readme"));

    assertThat(store.getChild(ROOT, "Readme").map(Inode::id)).contains(2L);
    assertThat(store.getChild(ROOT, "readme").map(Inode::id)).contains(3L);
    assertThat(store.getChild(ROOT, "README")).isEmpty();
  }

  @Test
  void putWithSameIdReplacesTheInodeEverywhere() {
    store.put(root());
    store.put(file(2, ROOT, "a"));
    Inode grown =
        new Inode(
            2, ROOT, "a", new Fingerprint(FileType.FILE, 99, 2000, "o", "g", 0600, "etag"), false);

    store.put(grown);

    assertThat(store.get(2)).contains(grown);
    assertThat(store.getChild(ROOT, "a")).contains(grown);
    assertThat(store.listChildren(ROOT, "", 10)).containsExactly(grown);
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void listChildrenIsInStringOrderForUnicodeAndMixedCase() {
    store.put(root());
    // String#compareTo order, which UfsListing promises too, so a sync can merge the two lists in
    // one pass. It differs from code point order for the emoji (a surrogate pair, U+D83D...) and
    // the half-width katakana U+FF71, which is why both are here.
    List<String> names =
        new ArrayList<>(
            List.of(
                "b", "B", "a", "A", "Zebra", "zebra", "é", "e", "f", "10", "9", "a b", "a-b", "a_b",
                "日本", "日", "ﾃ", "😀", "ｱ", "Ω", "ω", "~", ".hidden", "_x"));
    Collections.shuffle(names, new Random(42));
    long id = 2;
    for (String name : names) {
      store.put(file(id++, ROOT, name));
    }

    List<String> expected = names.stream().sorted(Comparator.naturalOrder()).toList();
    assertThat(names(store.listChildren(ROOT, "", 100))).isEqualTo(expected);
    assertThat(expected.indexOf("😀")).isLessThan(expected.indexOf("ｱ"));
  }

  @Test
  void listChildrenPagesThroughTenThousandChildrenByStartAfter() {
    store.put(root());
    store.put(folder(2, ROOT, "big"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String name = "file-" + Integer.toString(i * 7919 % 10_007, 36);
      expected.add(name);
    }
    List<String> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(7));
    long id = 3;
    for (String name : shuffled) {
      store.put(file(id++, 2, name));
    }
    Collections.sort(expected);

    List<String> listed = new ArrayList<>();
    int pages = 0;
    String startAfter = "";
    while (true) {
      List<Inode> page = store.listChildren(2, startAfter, 777);
      if (page.isEmpty()) {
        break;
      }
      pages++;
      assertThat(page).hasSizeLessThanOrEqualTo(777).allMatch(inode -> inode.parentId() == 2);
      listed.addAll(names(page));
      startAfter = page.get(page.size() - 1).name();
    }

    assertThat(listed).isEqualTo(expected);
    assertThat(pages).isEqualTo((10_000 + 776) / 777);
  }

  @Test
  void listChildrenStartsAfterANameThatIsNotAChild() {
    store.put(root());
    store.put(file(2, ROOT, "apple"));
    store.put(file(3, ROOT, "melon"));
    store.put(file(4, ROOT, "pear"));

    assertThat(names(store.listChildren(ROOT, "banana", 10))).containsExactly("melon", "pear");
    assertThat(names(store.listChildren(ROOT, "melon", 10))).containsExactly("pear");
    assertThat(store.listChildren(ROOT, "pear", 10)).isEmpty();
  }

  @Test
  void listChildrenReturnsAtMostLimit() {
    store.put(root());
    for (int i = 0; i < 5; i++) {
      store.put(file(2 + i, ROOT, "f" + i));
    }

    assertThat(names(store.listChildren(ROOT, "", 2))).containsExactly("f0", "f1");
    assertThat(store.listChildren(ROOT, "", 0)).isEmpty();
  }

  @Test
  void listChildrenOnlyListsThatParentsChildren() {
    store.put(root());
    store.put(folder(2, ROOT, "a"));
    store.put(folder(3, ROOT, "b"));
    store.put(file(4, 2, "in-a"));
    store.put(file(5, 3, "in-b"));

    assertThat(names(store.listChildren(2, "", 10))).containsExactly("in-a");
    assertThat(names(store.listChildren(3, "", 10))).containsExactly("in-b");
    assertThat(store.listChildren(4, "", 10)).isEmpty();
  }

  @Test
  void putWithNewParentMovesInodeBetweenParents() {
    store.put(root());
    store.put(folder(2, ROOT, "src"));
    store.put(folder(3, ROOT, "dst"));
    Inode file = file(4, 2, "f");
    store.put(file);

    Inode moved = file.withLocation(3, "f");
    store.put(moved);

    assertThat(store.getChild(2, "f")).isEmpty();
    assertThat(store.hasChildren(2)).isFalse();
    assertThat(store.listChildren(2, "", 10)).isEmpty();
    assertThat(store.getChild(3, "f")).contains(moved);
    assertThat(store.listChildren(3, "", 10)).containsExactly(moved);
    assertThat(store.get(4)).contains(moved);
    assertThat(store.size()).isEqualTo(4);
  }

  @Test
  void putWithNewNameRenamesInPlace() {
    store.put(root());
    store.put(file(2, ROOT, "a"));
    store.put(file(3, ROOT, "m"));

    Inode renamed = file(2, ROOT, "z");
    store.put(renamed);

    assertThat(store.getChild(ROOT, "a")).isEmpty();
    assertThat(store.getChild(ROOT, "z")).contains(renamed);
    assertThat(names(store.listChildren(ROOT, "", 10))).containsExactly("m", "z");
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void secondInodeWithSameParentAndNameIsRefused() {
    store.put(root());
    Inode first = file(2, ROOT, "a");
    store.put(first);

    assertThatThrownBy(() -> store.put(file(3, ROOT, "a")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a");

    assertThat(store.getChild(ROOT, "a")).contains(first);
    assertThat(store.get(3)).isEmpty();
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void moveOntoATakenNameIsRefusedAndLeavesTheInodeWhereItWas() {
    store.put(root());
    store.put(folder(2, ROOT, "dir"));
    Inode taken = file(3, 2, "x");
    Inode mover = file(4, ROOT, "y");
    store.put(taken);
    store.put(mover);

    assertThatThrownBy(() -> store.put(mover.withLocation(2, "x")))
        .isInstanceOf(IllegalStateException.class);

    assertThat(store.get(4)).contains(mover);
    assertThat(store.getChild(ROOT, "y")).contains(mover);
    assertThat(store.getChild(2, "x")).contains(taken);
  }

  @Test
  void removeOfInodeWithChildrenIsRefused() {
    store.put(root());
    store.put(folder(2, ROOT, "dir"));
    store.put(file(3, 2, "f"));

    assertThatThrownBy(() -> store.remove(2)).isInstanceOf(IllegalStateException.class);
    assertThat(store.get(2)).isPresent();
    assertThat(store.getChild(ROOT, "dir")).isPresent();

    store.remove(3);
    store.remove(2);

    assertThat(store.get(2)).isEmpty();
    assertThat(store.getChild(ROOT, "dir")).isEmpty();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void removeAllRemovesChildrenBeforeTheirParentInOneCall() {
    store.put(root());
    store.put(folder(2, ROOT, "dir"));
    store.put(file(3, 2, "f"));
    store.put(file(4, ROOT, "g"));

    store.removeAll(List.of(3L, 2L, 4L, 42L));

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.get(2)).isEmpty();
    assertThat(store.getChild(ROOT, "g")).isEmpty();
    assertThat(store.hasChildren(ROOT)).isFalse();
  }

  @Test
  void removeAllRefusesAParentListedBeforeItsChildren() {
    store.put(root());
    store.put(folder(2, ROOT, "dir"));
    store.put(file(3, 2, "f"));

    assertThatThrownBy(() -> store.removeAll(List.of(2L, 3L)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dir");

    assertThat(store.get(2)).isPresent();
    assertThat(store.getChild(2, "f")).isPresent();
  }

  @Test
  void removeDropsInodeFromItsParentsListing() {
    store.put(root());
    store.put(file(2, ROOT, "a"));
    store.put(file(3, ROOT, "b"));

    store.remove(2);

    assertThat(store.get(2)).isEmpty();
    assertThat(store.getChild(ROOT, "a")).isEmpty();
    assertThat(names(store.listChildren(ROOT, "", 10))).containsExactly("b");
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void removeOfUnknownIdDoesNothing() {
    store.put(root());

    store.remove(42);

    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void nameFreedByRemoveOrMoveCanBeTakenAgain() {
    store.put(root());
    store.put(file(2, ROOT, "a"));
    store.put(file(3, ROOT, "b"));

    store.remove(2);
    store.put(file(4, ROOT, "a"));
    store.put(file(3, ROOT, "c"));
    store.put(file(5, ROOT, "b"));

    assertThat(names(store.listChildren(ROOT, "", 10))).containsExactly("a", "b", "c");
    assertThat(store.getChild(ROOT, "a").map(Inode::id)).contains(4L);
    assertThat(store.getChild(ROOT, "b").map(Inode::id)).contains(5L);
  }

  @Test
  void hasChildrenFollowsTheLastChild() {
    store.put(root());
    store.put(folder(2, ROOT, "dir"));
    assertThat(store.hasChildren(2)).isFalse();

    store.put(file(3, 2, "f"));
    assertThat(store.hasChildren(2)).isTrue();
    assertThat(store.hasChildren(ROOT)).isTrue();

    store.remove(3);
    assertThat(store.hasChildren(2)).isFalse();
  }

  @Test
  void sizeCountsInodesNotReplacements() {
    store.put(root());
    for (int i = 0; i < 100; i++) {
      store.put(file(2 + i, ROOT, "f" + i));
    }
    store.put(file(2, ROOT, "f0"));
    store.put(file(3, ROOT, "renamed"));

    assertThat(store.size()).isEqualTo(101);
  }

  @Test
  void allocateIdIsUniqueAcrossThreads() throws Exception {
    int threads = 4;
    int idsPerThread = 10_000;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            executor.submit(
                () -> {
                  start.await();
                  List<Long> ids = new ArrayList<>(idsPerThread);
                  for (int i = 0; i < idsPerThread; i++) {
                    ids.add(store.allocateId());
                  }
                  return ids;
                }));
      }
      start.countDown();
      Set<Long> all = new HashSet<>();
      for (Future<List<Long>> result : results) {
        all.addAll(result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }

      assertThat(all).hasSize(threads * idsPerThread).allMatch(id -> id > ROOT);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void allocateIdNeverReturnsTheIdOfAPutInode() {
    // A journal replay or snapshot puts inodes with ids allocated before a restart.
    store.put(root());
    store.put(file(1_000, ROOT, "replayed"));

    long id = store.allocateId();

    assertThat(id).isGreaterThan(1_000);
    assertThat(store.get(id)).isEmpty();
  }

  @Test
  void readersSeeSortedPagesWhileAWriterAddsAndRemovesChildren() throws Exception {
    store.put(root());
    store.put(folder(2, ROOT, "busy"));
    for (int i = 0; i < 2_000; i += 2) {
      store.put(file(store.allocateId(), 2, String.format("n%05d", i)));
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService executor = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer =
          executor.submit(
              () -> {
                try {
                  for (int round = 0; round < 5; round++) {
                    // Odd names come and go while the even ones stay put.
                    List<Long> added = new ArrayList<>();
                    for (int i = 1; i < 2_000; i += 2) {
                      long id = store.allocateId();
                      store.put(file(id, 2, String.format("n%05d", i)));
                      added.add(id);
                    }
                    added.forEach(store::remove);
                  }
                } finally {
                  writing.set(false);
                }
              });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(
            executor.submit(
                () -> {
                  int scans = 0;
                  do {
                    assertFullScanIsSorted();
                    scans++;
                  } while (writing.get());
                  return scans;
                }));
      }

      writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isPositive();
      }
      assertThat(store.listChildren(2, "", 5_000)).hasSize(1_000);
    } finally {
      executor.shutdownNow();
    }
  }

  private void assertFullScanIsSorted() {
    String startAfter = "";
    int evenNames = 0;
    while (true) {
      List<Inode> page = store.listChildren(2, startAfter, 100);
      if (page.isEmpty()) {
        break;
      }
      String previous = startAfter;
      for (Inode inode : page) {
        assertThat(inode.name()).isGreaterThan(previous);
        assertThat(inode.parentId()).isEqualTo(2);
        if (Integer.parseInt(inode.name().substring(1)) % 2 == 0) {
          evenNames++;
        }
        previous = inode.name();
      }
      startAfter = previous;
    }
    // Children that nobody touches are never skipped by a concurrent change elsewhere.
    assertThat(evenNames).isEqualTo(1_000);
  }
}
