package io.metasync.master.inode;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.NamespacePath;
import io.metasync.master.journal.Journal;
import io.metasync.master.mount.MountOptions;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsOpener;
import io.metasync.master.state.NamespaceState;
import io.metasync.proto.journal.InodeChange;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.ufs.UnderFileSystemLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trash purger against a real journaled state: entries of a bounded size, in an order the store
 * accepts, and a trash left by an earlier run purged at start. The journal applies each entry at
 * once, as the Ratis journal does before {@code write} returns.
 */
class TrashPurgerTest {
  private static final long BIG = 2;

  @TempDir Path root;
  private final List<JournalEntry> written = new CopyOnWriteArrayList<>();
  private InodeStore store;
  private NamespaceState state;
  private TrashPurger purger;
  private InodeTree tree;

  @BeforeEach
  void createState() throws Exception {
    UfsOpener opener = new UnderFileSystemLoader()::open;
    URI uri = root.toUri();
    MountTable mounts =
        new MountTable(
            new MountPoint(
                NamespacePath.ROOT, uri, MountOptions.DEFAULT, opener.open(uri, Map.of())));
    store = new HeapInodeStore();
    state = new NamespaceState(store, mounts, opener);
    Journal journal =
        new Journal() {
          @Override
          public void write(JournalEntry entry) {
            written.add(entry);
            state.apply(entry);
          }

          @Override
          public void close() {}
        };
    purger = new TrashPurger(store, journal, state.removals());
    tree = new InodeTree(store, journal, state.removals(), purger);
    store.put(AbstractInodeStoreTest.root());
  }

  @AfterEach
  void closePurger() {
    purger.close();
  }

  /** {@code /big}: 3 folders of 4,000 files, 12,004 inodes with the folders and big itself. */
  private Inode putBigTree(long parentId, String name) {
    Inode big = AbstractInodeStoreTest.folder(BIG, parentId, name);
    store.put(big);
    long id = 10;
    for (int folder = 0; folder < 3; folder++) {
      long folderId = id++;
      store.put(AbstractInodeStoreTest.folder(folderId, BIG, "d" + folder));
      for (int file = 0; file < 4_000; file++) {
        store.put(AbstractInodeStoreTest.file(id++, folderId, "f" + file));
      }
    }
    return big;
  }

  @Test
  void aDetachedSubtreeLeavesTheNamespaceAtOnceAndIsPurgedInBoundedEntries() throws Exception {
    Inode big = putBigTree(Inode.ROOT_ID, "big");
    AtomicLong counted = new AtomicLong();
    purger.start();

    written.clear();
    // as a delete does: journal the removal, then wait for the purge, counting
    tree.commit(new InodeChanges().removeSubtree(big), big, counted::addAndGet);

    assertThat(store.getChild(Inode.ROOT_ID, "big")).isEmpty();
    assertThat(store.get(BIG)).isEmpty();
    assertThat(store.size()).isEqualTo(1);
    assertThat(counted).hasValue(12_004);
    // the detach (one put), then the purge: 5,000 + 5,000 + 2,004 inodes
    List<Integer> removedPerEntry =
        written.stream()
            .flatMap(entry -> entry.getInodes().getChangesList().stream())
            .filter(change -> change.getChangeCase() == InodeChange.ChangeCase.REMOVE_INODES)
            .map(change -> change.getRemoveInodes().getIdsCount())
            .toList();
    assertThat(removedPerEntry).containsExactly(5_000, 5_000, 2_004);
    assertThat(written.get(0).getInodes().getChanges(0).getDetachSubtree()).isEqualTo(BIG);
  }

  @Test
  void aTrashLeftByAnEarlierRunIsPurgedAtStart() throws Exception {
    putBigTree(Inode.TRASH_ID, Long.toString(BIG));
    assertThat(store.size()).isEqualTo(12_005);

    purger.start();
    purger.awaitPurged(BIG);

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.listChildren(Inode.TRASH_ID, "", 10)).isEmpty();
  }

  @Test
  void aDetachedSubtreeIsPurgedWithoutAnybodyWaiting() throws Exception {
    Inode big = putBigTree(Inode.ROOT_ID, "big");
    purger.start();

    tree.removeSubtree(big);
    assertThat(store.getChild(Inode.ROOT_ID, "big")).isEmpty();
    purger.awaitPurged(BIG);

    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aFileIsRemovedInItsOwnEntryWithoutThePurger() {
    Inode file = AbstractInodeStoreTest.file(3, Inode.ROOT_ID, "f");
    store.put(file);

    tree.commit(new InodeChanges().removeSubtree(file), file, removed -> {});

    assertThat(store.get(3)).isEmpty();
    assertThat(written).hasSize(1);
    assertThat(written.get(0).getInodes().getChanges(0).getRemoveSubtree()).isEqualTo(3);
  }
}
