package io.metasync.master.inode.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.FileType;
import io.metasync.common.MetasyncException;
import io.metasync.master.inode.AbstractInodeStoreTest;
import io.metasync.master.inode.HeapInodeStore;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeStore;
import io.metasync.ufs.Fingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksInodeStoreTest extends AbstractInodeStoreTest {
  private static final long ROOT = Inode.ROOT_ID;

  @TempDir Path folder;

  @Override
  protected InodeStore createStore() {
    return RocksInodeStore.open(folder.resolve("store"), 1000);
  }

  private static List<String> names(List<Inode> inodes) {
    return inodes.stream().map(Inode::name).toList();
  }

  @Test
  void pagesResumeByNameInStringOrderAcrossSupplementaryAndPrivateUseCharacters() {
    store.put(root());
    // UTF-8 puts U+1F600 after U+E000..U+FFFF; String#compareTo (UTF-16) puts it before them.
    List<String> names =
        List.of("\uE000", "\uFFFD", "😀", "😀a", "\uD800\uDC00", "ｱ", "z", "\uFB01", "\u07FF", "a");
    long id = 2;
    for (String name : names) {
      store.put(file(id++, ROOT, name));
    }
    List<String> expected = names.stream().sorted(Comparator.naturalOrder()).toList();

    List<String> listed = new ArrayList<>();
    String after = "";
    List<Inode> page;
    while (!(page = store.listChildren(ROOT, after, 3)).isEmpty()) {
      listed.addAll(names(page));
      after = page.get(page.size() - 1).name();
    }

    assertThat(listed).isEqualTo(expected);
    assertThat(names(store.listChildren(ROOT, "😀", 2))).containsExactly("😀a", "\uE000");
    assertThat(store.getChild(ROOT, "😀a").map(Inode::id)).contains(5L);
  }

  @Test
  void aBatchWithARefusedPutAppliesNothing() {
    store.put(root());
    store.put(file(2, ROOT, "taken"));

    assertThatThrownBy(() -> store.putAll(List.of(file(3, ROOT, "new"), file(4, ROOT, "taken"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("taken");

    assertThat(store.get(3)).isEmpty();
    assertThat(store.getChild(ROOT, "new")).isEmpty();
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void aBatchOfNewInodesIsStoredWholeAndFreedNamesAreNotServedStale() {
    store.put(root());
    store.put(file(2, ROOT, "a"));
    assertThat(store.getChild(ROOT, "a").map(Inode::id)).contains(2L);
    store.remove(2);

    store.putAll(List.of(file(3, ROOT, "a"), folder(4, ROOT, "b"), file(5, 4, "c")));

    assertThat(store.getChild(ROOT, "a").map(Inode::id)).contains(3L);
    assertThat(store.get(5).map(Inode::name)).contains("c");
    assertThat(names(store.listChildren(4, "", 10))).containsExactly("c");
    assertThat(store.size()).isEqualTo(4);
    assertThat(store.allocateId()).isGreaterThan(5);
  }

  @Test
  void aBatchSeesItsOwnEarlierPuts() {
    store.put(root());
    store.put(file(2, ROOT, "a"));

    // Rename a to b, then give a to a new inode, then a duplicate of b: refused by the batch.
    store.putAll(List.of(file(2, ROOT, "b"), file(3, ROOT, "a")));
    assertThatThrownBy(() -> store.putAll(List.of(file(4, ROOT, "c"), file(5, ROOT, "c"))))
        .isInstanceOf(IllegalStateException.class);

    assertThat(names(store.listChildren(ROOT, "", 10))).containsExactly("a", "b");
    assertThat(store.getChild(ROOT, "a").map(Inode::id)).contains(3L);
    assertThat(store.get(2).map(Inode::name)).contains("b");
    assertThat(store.size()).isEqualTo(3);
  }

  /** A put of an id above any the store held skips the read: what must still find the old name. */
  @Test
  void anInodePutAgainMovesWhateverIdsTheStoreHeldBefore() throws Exception {
    store.put(root());
    store.putAll(List.of(file(7, ROOT, "a"), file(9, ROOT, "b"), file(7, ROOT, "a2")));
    store.put(file(9, ROOT, "b2"));
    assertThat(names(store.listChildren(ROOT, "", 10))).containsExactly("a2", "b2");
    assertThat(store.size()).isEqualTo(3);

    // A checkpoint loaded into a store that knows no ids, and a cleared store.
    Path checkpoint = folder.resolve("checkpoint");
    assertThat(store.writeCheckpoint(checkpoint)).isTrue();
    try (InodeStore other = RocksInodeStore.open(folder.resolve("other"), 0)) {
      other.loadCheckpoint(checkpoint);
      other.put(file(9, ROOT, "b3"));
      assertThat(names(other.listChildren(ROOT, "", 10))).containsExactly("a2", "b3");
      assertThat(other.size()).isEqualTo(3);

      other.put(file(50, ROOT, "big"));
      other.clear();
      other.put(root());
      other.put(file(5, ROOT, "x"));
      other.put(file(5, ROOT, "y"));
      assertThat(names(other.listChildren(ROOT, "", 10))).containsExactly("y");
      assertThat(other.size()).isEqualTo(2);
    }
  }

  @Test
  void aCheckpointLoadsIntoAnotherRocksStoreAndIntoAHeapStore() throws Exception {
    store.put(root());
    store.put(folder(2, ROOT, "dir"));
    for (int i = 0; i < 500; i++) {
      store.put(file(10 + i, 2, "f" + i));
    }
    Path checkpoint = folder.resolve("checkpoint");
    assertThat(store.writeCheckpoint(checkpoint)).isTrue();
    store.put(file(9_999, ROOT, "after-checkpoint"));

    try (InodeStore rocks = RocksInodeStore.open(folder.resolve("other"), 10);
        InodeStore heap = new HeapInodeStore()) {
      for (InodeStore restored : List.of(rocks, heap)) {
        restored.put(file(100_000, ROOT, "replaced"));
        CheckpointReader.loadInto(restored, checkpoint);

        assertThat(restored.size()).isEqualTo(502);
        assertThat(restored.get(100_000)).isEmpty();
        assertThat(restored.getChild(ROOT, "after-checkpoint")).isEmpty();
        assertThat(restored.listChildren(2, "", 1000)).hasSize(500);
        assertThat(restored.getChild(2, "f42").map(Inode::id)).contains(52L);
        assertThat(restored.allocateId()).isGreaterThan(509);
      }
    }
    // The snapshot's tables are links, so the store that loaded them wrote none of its own into it.
    assertThat(store.getChild(ROOT, "after-checkpoint")).isPresent();
  }

  @Test
  void checkpointTablesAreHardLinksNotCopies() throws Exception {
    store.put(root());
    store.put(file(2, ROOT, "a"));
    Path checkpoint = folder.resolve("checkpoint");
    store.writeCheckpoint(checkpoint);

    try (Stream<Path> files = Files.list(checkpoint)) {
      List<Path> tables = files.filter(f -> f.toString().endsWith(".sst")).toList();
      assertThat(tables).isNotEmpty();
      for (Path table : tables) {
        assertThat((Integer) Files.getAttribute(table, "unix:nlink")).isGreaterThan(1);
      }
    }
  }

  @Test
  void aSecondStoreOnAFolderInUseIsRefusedWithoutTouchingIt() {
    store.put(root());

    assertThatThrownBy(() -> createStore())
        .isInstanceOf(MetasyncException.class)
        .hasMessageContaining(
            "another master uses the inode store folder " + folder.resolve("store"));
    assertThat(store.get(ROOT)).contains(root());
  }

  @Test
  void reopeningTheFolderStartsEmpty() {
    store.put(root());
    store.put(file(2, ROOT, "a"));
    store.close();

    store = createStore();

    assertThat(store.size()).isZero();
    assertThat(store.get(2)).isEmpty();
  }

  @Test
  void cachedReadsNeverServeAReplacedInodeAfterTheWriteReturns() throws Exception {
    store.put(root());
    store.put(folder(2, ROOT, "dir"));
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService readers = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        results.add(
            readers.submit(
                () -> {
                  while (writing.get()) {
                    store.get(3);
                    store.getChild(2, "f");
                  }
                }));
      }
      for (int version = 0; version < 2_000; version++) {
        Inode inode =
            new Inode(
                3, 2, "f", new Fingerprint(FileType.FILE, version, 0, "o", "g", 0644, ""), false);
        store.put(inode);
        assertThat(store.get(3)).contains(inode);
        assertThat(store.getChild(2, "f")).contains(inode);
      }
      store.remove(3);
      assertThat(store.get(3)).isEmpty();
      assertThat(store.getChild(2, "f")).isEmpty();
      writing.set(false);
      for (Future<?> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      writing.set(false);
      readers.shutdownNow();
    }
  }
}
