package io.metasync.master.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.FileType;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.HeapInodeStore;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeRecords;
import io.metasync.master.inode.InodeStore;
import io.metasync.master.inode.rocks.RocksInodeStore;
import io.metasync.master.mount.MountOptions;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountRecords;
import io.metasync.master.mount.MountTable;
import io.metasync.master.mount.UfsOpener;
import io.metasync.proto.journal.AddMount;
import io.metasync.proto.journal.AddSyncPoint;
import io.metasync.proto.journal.FeedCursorUpdate;
import io.metasync.proto.journal.InodeBatch;
import io.metasync.proto.journal.InodeChange;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.RemoveMount;
import io.metasync.proto.journal.RemoveSyncPoint;
import io.metasync.proto.journal.SnapshotHeader;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UnderFileSystemLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applying journal entries and snapshots: deterministic, complete, and refusing what it cannot
 * read.
 */
class NamespaceStateTest {
  @TempDir Path root;
  private final UfsOpener opener = new UnderFileSystemLoader()::open;
  private InodeStore store;
  private MountTable mounts;
  private NamespaceState state;

  @BeforeEach
  void createState() throws IOException {
    store = new HeapInodeStore();
    mounts = newMountTable();
    state = new NamespaceState(store, mounts, opener);
  }

  private MountTable newMountTable() throws IOException {
    URI uri = root.toUri();
    return new MountTable(
        new MountPoint(NamespacePath.ROOT, uri, MountOptions.DEFAULT, opener.open(uri, Map.of())));
  }

  private static Inode inode(long id, long parent, String name, boolean directory) {
    return new Inode(
        id,
        parent,
        name,
        new Fingerprint(
            directory ? FileType.DIRECTORY : FileType.FILE,
            directory ? 0 : id * 10,
            id,
            "o",
            "g",
            0644,
            ""),
        directory);
  }

  private static JournalEntry puts(Inode... inodes) {
    InodeBatch.Builder batch = InodeBatch.newBuilder();
    for (Inode inode : inodes) {
      batch.addChanges(InodeChange.newBuilder().setPut(InodeRecords.toRecord(inode)));
    }
    return JournalEntry.newBuilder().setInodes(batch).build();
  }

  private void applyTree() {
    state.apply(puts(inode(Inode.ROOT_ID, Inode.NO_PARENT, "", true)));
    state.apply(
        puts(
            inode(2, 1, "a", true),
            inode(3, 2, "f1", false),
            inode(4, 2, "b", true),
            inode(5, 4, "f2", false)));
    state.apply(
        JournalEntry.newBuilder()
            .setAddMount(
                AddMount.newBuilder()
                    .setMount(
                        MountRecords.toRecord(
                            NamespacePath.parse("/m"),
                            URI.create("file:///elsewhere"),
                            new MountOptions(true, false, Map.of("k", "v"))))
                    .setMountInode(InodeRecords.toRecord(inode(6, 1, "m", true))))
            .build());
  }

  private static List<Inode> all(InodeStore store) {
    List<Inode> found = new ArrayList<>();
    List<Long> pending = new ArrayList<>(List.of(Inode.ROOT_ID));
    while (!pending.isEmpty()) {
      long id = pending.remove(0);
      store.get(id).ifPresent(found::add);
      store.listChildren(id, "", 1000).forEach(child -> pending.add(child.id()));
    }
    return found;
  }

  @Test
  void removingASubtreeRemovesEverythingBelowIt() {
    applyTree();

    state.apply(
        JournalEntry.newBuilder()
            .setInodes(
                InodeBatch.newBuilder().addChanges(InodeChange.newBuilder().setRemoveSubtree(2)))
            .build());

    assertThat(all(store)).extracting(Inode::name).containsExactlyInAnyOrder("", "m");
  }

  @Test
  void aSnapshotLoadsIntoAnEmptyStateAsTheSameInodesAndMounts() throws IOException {
    applyTree();
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    state.writeSnapshot(snapshot);

    InodeStore restoredStore = new HeapInodeStore();
    MountTable restoredMounts = newMountTable();
    new NamespaceState(restoredStore, restoredMounts, opener)
        .loadSnapshot(new ByteArrayInputStream(snapshot.toByteArray()));

    assertThat(all(restoredStore)).containsExactlyInAnyOrderElementsOf(all(store));
    assertThat(restoredMounts.get(NamespacePath.parse("/m")).orElseThrow().options())
        .isEqualTo(new MountOptions(true, false, Map.of("k", "v")));
    assertThat(restoredStore.allocateId()).isGreaterThan(6);
  }

  @Test
  void aRocksSnapshotIsAHeaderAndACheckpointThatLoadsAsTheSameState() throws IOException {
    try (InodeStore rocks = RocksInodeStore.open(root.resolve("store"), 100);
        InodeStore restoredStore = RocksInodeStore.open(root.resolve("restored"), 100)) {
      store = rocks;
      state = new NamespaceState(rocks, mounts, opener);
      applyTree();
      ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
      Path files = root.resolve("snapshot.files");
      state.writeSnapshot(snapshot, files);

      SnapshotHeader header =
          SnapshotHeader.parseDelimitedFrom(new ByteArrayInputStream(snapshot.toByteArray()));
      assertThat(header.getInodesInCheckpoint()).isTrue();
      assertThat(header.getFormatVersion()).isEqualTo(2);
      assertThat(snapshot.size()).isLessThan(200);

      MountTable restoredMounts = newMountTable();
      new NamespaceState(restoredStore, restoredMounts, opener)
          .loadSnapshot(new ByteArrayInputStream(snapshot.toByteArray()), files);

      assertThat(all(restoredStore)).containsExactlyInAnyOrderElementsOf(all(rocks));
      assertThat(restoredMounts.isMountPoint(NamespacePath.parse("/m"))).isTrue();
      assertThat(restoredStore.allocateId()).isGreaterThan(6);
    }
  }

  @Test
  void aHeapSnapshotKeepsTheRecordFormat() throws IOException {
    applyTree();
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    state.writeSnapshot(snapshot, root.resolve("unused.files"));

    SnapshotHeader header =
        SnapshotHeader.parseDelimitedFrom(new ByteArrayInputStream(snapshot.toByteArray()));
    assertThat(header.getFormatVersion()).isEqualTo(1);
    assertThat(header.getInodesInCheckpoint()).isFalse();
    assertThat(root.resolve("unused.files")).doesNotExist();
  }

  @Test
  void removeMountForgetsTheMountAndDetachesItsSubtreeForTheTrashPurger() {
    applyTree();
    state.apply(puts(inode(7, 6, "inside", false)));

    state.apply(
        JournalEntry.newBuilder().setRemoveMount(RemoveMount.newBuilder().setPath("/m")).build());

    assertThat(mounts.isMountPoint(NamespacePath.parse("/m"))).isFalse();
    assertThat(store.getChild(Inode.ROOT_ID, "m")).isEmpty();
    // out of the namespace in one put; TrashPurger removes the subtree later
    assertThat(store.get(6).map(Inode::parentId)).contains(Inode.TRASH_ID);
    assertThat(store.get(7).map(Inode::parentId)).contains(6L);
  }

  @Test
  void aFeedCursorThatReachesTheLogAfterItsMountWentIsIgnored() {
    applyTree();
    state.apply(
        JournalEntry.newBuilder().setRemoveMount(RemoveMount.newBuilder().setPath("/m")).build());

    state.apply(progress(FeedCursorUpdate.newBuilder().setCursor("7")));

    assertThat(state.activeSync().cursor(NamespacePath.parse("/m"))).isEmpty();
  }

  private static JournalEntry progress(FeedCursorUpdate.Builder update) {
    return JournalEntry.newBuilder().setFeedCursor(update.setMountPath("/m")).build();
  }

  @Test
  void feedCursorUpdatesCarryLastSyncTimesAndEntriesWithoutThemStillApply() throws IOException {
    applyTree();
    NamespacePath point = NamespacePath.parse("/m/p");
    state.apply(
        JournalEntry.newBuilder()
            .setAddSyncPoint(AddSyncPoint.newBuilder().setPath(point.toString()))
            .build());
    // As a master without sync times wrote it: a cursor and nothing else.
    state.apply(
        JournalEntry.parseFrom(
            progress(FeedCursorUpdate.newBuilder().setCursor("7")).toByteArray()));
    assertThat(state.activeSync().cursor(NamespacePath.parse("/m"))).contains("7");
    assertThat(state.activeSync().lastSyncMs(point)).isZero();

    // A completed sync with no cursor to journal; a time for a path that is no sync point (its
    // mount went meanwhile) is dropped.
    state.apply(
        progress(
            FeedCursorUpdate.newBuilder()
                .putLastSyncMs("/m/p", 1_000)
                .putLastSyncMs("/m/gone", 2_000)));
    assertThat(state.activeSync().cursor(NamespacePath.parse("/m"))).contains("7");
    assertThat(state.activeSync().lastSyncMs(point)).isEqualTo(1_000);
    assertThat(state.activeSync().lastSyncMs(NamespacePath.parse("/m/gone"))).isZero();

    state.apply(
        progress(FeedCursorUpdate.newBuilder().setCursor("9").putLastSyncMs("/m/p", 3_000)));
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    state.writeSnapshot(snapshot);
    NamespaceState restored = new NamespaceState(new HeapInodeStore(), newMountTable(), opener);
    restored.loadSnapshot(new ByteArrayInputStream(snapshot.toByteArray()));
    assertThat(restored.activeSync().cursor(NamespacePath.parse("/m"))).contains("9");
    assertThat(restored.activeSync().lastSyncMs(point)).isEqualTo(3_000);

    state.apply(
        JournalEntry.newBuilder()
            .setRemoveSyncPoint(RemoveSyncPoint.newBuilder().setPath(point.toString()))
            .build());
    assertThat(state.activeSync().lastSyncMs(point)).isZero();
  }

  @Test
  void aTruncatedSnapshotIsRefused() throws IOException {
    applyTree();
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    state.writeSnapshot(snapshot);
    byte[] bytes = snapshot.toByteArray();
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 12);

    assertThatThrownBy(
            () ->
                new NamespaceState(new HeapInodeStore(), newMountTable(), opener)
                    .loadSnapshot(new ByteArrayInputStream(truncated)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aSnapshotOfANewerFormatIsRefused() throws IOException {
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    SnapshotHeader.newBuilder()
        .setFormatVersion(NamespaceState.FORMAT_VERSION + 1)
        .build()
        .writeDelimitedTo(snapshot);

    assertThatThrownBy(() -> state.loadSnapshot(new ByteArrayInputStream(snapshot.toByteArray())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("newer");
  }
}
