package io.metasync.master.state;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.metasync.master.sync.SyncedFolders;
import io.metasync.master.sync.SyncedFolders.Times;
import io.metasync.proto.journal.AddMount;
import io.metasync.proto.journal.FolderSyncTimes;
import io.metasync.proto.journal.InodeBatch;
import io.metasync.proto.journal.InodeChange;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.RemoveMount;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UnderFileSystemLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journaled sync times of folders: kept only for the folder they were taken of, forgotten with
 * it, bounded the same way on every replay, and carried by snapshots of both stores.
 */
class SyncedFoldersTest {
  private static final NamespacePath A = NamespacePath.parse("/a");
  private static final NamespacePath B = NamespacePath.parse("/a/b");

  @TempDir Path root;
  private final UfsOpener opener = new UnderFileSystemLoader()::open;
  private InodeStore store;
  private NamespaceState state;

  @BeforeEach
  void createState() throws IOException {
    store = new HeapInodeStore();
    state = new NamespaceState(store, newMountTable(), opener, 100);
    state.apply(entry(put(folder(Inode.ROOT_ID, Inode.NO_PARENT, ""))));
    state.apply(entry(put(folder(2, 1, "a")), put(folder(3, 2, "b"))));
  }

  private MountTable newMountTable() throws IOException {
    URI uri = root.toUri();
    return new MountTable(
        new MountPoint(NamespacePath.ROOT, uri, MountOptions.DEFAULT, opener.open(uri, Map.of())));
  }

  private static Inode folder(long id, long parent, String name) {
    return new Inode(
        id, parent, name, new Fingerprint(FileType.DIRECTORY, 0, 0, "o", "g", 0755, ""), true);
  }

  private static JournalEntry entry(InodeChange.Builder... changes) {
    InodeBatch.Builder batch = InodeBatch.newBuilder();
    for (InodeChange.Builder change : changes) {
      batch.addChanges(change);
    }
    return JournalEntry.newBuilder().setInodes(batch).build();
  }

  private static InodeChange.Builder put(Inode inode) {
    return InodeChange.newBuilder().setPut(InodeRecords.toRecord(inode));
  }

  private static InodeChange.Builder forget(NamespacePath path) {
    return InodeChange.newBuilder().setForgetSyncTimes(path.toString());
  }

  private static JournalEntry synced(NamespacePath path, long inodeId, long startMs) {
    return entry(times(path, inodeId, startMs, 0));
  }

  private static JournalEntry subtreeSynced(NamespacePath path, long inodeId, long startMs) {
    return entry(times(path, inodeId, startMs, startMs));
  }

  private static InodeChange.Builder times(
      NamespacePath path, long inodeId, long childrenMs, long subtreeMs) {
    return InodeChange.newBuilder()
        .setFolderSynced(
            FolderSyncTimes.newBuilder()
                .setPath(path.toString())
                .setInodeId(inodeId)
                .setChildrenMs(childrenMs)
                .setSubtreeMs(subtreeMs));
  }

  private Map<NamespacePath, Times> times(NamespaceState namespaceState) {
    Map<NamespacePath, Times> all = new LinkedHashMap<>();
    namespaceState.syncedFolders().forEach(all::put);
    return all;
  }

  @Test
  void timesOnlyMoveForwardAndASubtreeSyncAlsoCountsForTheChildren() {
    state.apply(synced(A, 2, 1_000));
    state.apply(synced(A, 2, 500));
    assertThat(state.syncedFolders().childrenSyncedMs(A, 2)).isEqualTo(1_000);
    assertThat(state.syncedFolders().subtreeSyncedMs(A, 2)).isZero();

    state.apply(subtreeSynced(A, 2, 2_000));
    assertThat(times(state)).containsExactly(Map.entry(A, new Times(2, 2_000, 2_000)));
    // another inode's question gets no answer
    assertThat(state.syncedFolders().childrenSyncedMs(A, 9)).isZero();
  }

  @Test
  void aTimeIsDroppedWhenItsPathNoLongerLeadsToItsFolder() {
    // proposed before /a was deleted, applied after a new /a was created in its place
    state.apply(entry(InodeChange.newBuilder().setDetachSubtree(2), forget(A)));
    state.apply(entry(put(folder(7, 1, "a"))));
    state.apply(synced(A, 2, 1_000));
    state.apply(synced(B, 3, 1_000));
    assertThat(times(state)).isEmpty();

    state.apply(synced(A, 7, 3_000));
    assertThat(times(state)).containsExactly(Map.entry(A, new Times(7, 3_000, 0)));
  }

  @Test
  void deletingOrMovingAFolderForgetsItsTimesAndThoseBelowIt() {
    state.apply(entry(put(folder(4, 1, "ab")), put(folder(5, 1, "a-c"))));
    state.apply(synced(A, 2, 1_000));
    state.apply(synced(B, 3, 1_000));
    state.apply(synced(NamespacePath.parse("/ab"), 4, 1_000));
    state.apply(synced(NamespacePath.parse("/a-c"), 5, 1_000));

    state.apply(
        entry(put(folder(2, 1, "moved")), forget(A), forget(NamespacePath.parse("/moved"))));

    assertThat(times(state).keySet())
        .containsExactly(NamespacePath.parse("/a-c"), NamespacePath.parse("/ab"));
  }

  @Test
  void mountingAndUnmountingForgetTheTimesOfTheMountPath() {
    NamespacePath mount = NamespacePath.parse("/m");
    state.apply(
        JournalEntry.newBuilder()
            .setAddMount(
                AddMount.newBuilder()
                    .setMount(
                        MountRecords.toRecord(
                            mount, root.toUri(), new MountOptions(false, false, Map.of())))
                    .setMountInode(InodeRecords.toRecord(folder(6, 1, "m"))))
            .build());
    state.apply(synced(mount, 6, 1_000));
    assertThat(times(state)).containsKey(mount);

    state.apply(
        JournalEntry.newBuilder().setRemoveMount(RemoveMount.newBuilder().setPath("/m")).build());

    assertThat(times(state)).doesNotContainKey(mount);
  }

  @Test
  void pastTheCapacityTheOldestTimeGoesAndThePathBreaksATie() {
    SyncedFolders folders = new SyncedFolders(3);
    folders.record(record("/c", 2, 1_000, 0));
    folders.record(record("/b", 3, 1_000, 0));
    folders.record(record("/a", 4, 2_000, 0));
    folders.record(record("/d", 5, 3_000, 3_000));

    Map<NamespacePath, Times> kept = new LinkedHashMap<>();
    folders.forEach(kept::put);
    // the same on every replay: it depends on the times and paths only
    assertThat(kept.keySet())
        .containsExactly(
            NamespacePath.parse("/a"), NamespacePath.parse("/c"), NamespacePath.parse("/d"));
  }

  @Test
  void aHeapSnapshotCarriesTheTimes() throws IOException {
    state.apply(synced(A, 2, 1_000));
    state.apply(subtreeSynced(B, 3, 2_000));
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    state.writeSnapshot(snapshot);

    NamespaceState restored = new NamespaceState(new HeapInodeStore(), newMountTable(), opener);
    restored.loadSnapshot(new ByteArrayInputStream(snapshot.toByteArray()));

    assertThat(times(restored)).isEqualTo(times(state)).hasSize(2);
  }

  @Test
  void aRocksSnapshotCarriesTheTimesInItsHeader() throws IOException {
    try (InodeStore rocks = RocksInodeStore.open(root.resolve("store"), 100);
        InodeStore restoredStore = RocksInodeStore.open(root.resolve("restored"), 100)) {
      NamespaceState rocksState = new NamespaceState(rocks, newMountTable(), opener);
      rocksState.apply(entry(put(folder(Inode.ROOT_ID, Inode.NO_PARENT, ""))));
      rocksState.apply(entry(put(folder(2, 1, "a"))));
      rocksState.apply(synced(A, 2, 1_000));
      ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
      Path files = root.resolve("snapshot.files");
      rocksState.writeSnapshot(snapshot, files);

      NamespaceState restored = new NamespaceState(restoredStore, newMountTable(), opener);
      restored.loadSnapshot(new ByteArrayInputStream(snapshot.toByteArray()), files);

      assertThat(times(restored)).containsExactly(Map.entry(A, new Times(2, 1_000, 0)));
    }
  }

  @Test
  void aJournalWithoutSyncTimesStillApplies() {
    // As a master before sync times wrote a sync's last batch: the folder marked loaded, no time.
    state.apply(
        JournalEntry.newBuilder()
            .setInodes(
                InodeBatch.newBuilder()
                    .addChanges(
                        InodeChange.newBuilder().setPut(InodeRecords.toRecord(folder(2, 1, "a")))))
            .build());

    assertThat(times(state)).isEmpty();
  }

  private static FolderSyncTimes record(
      String path, long inodeId, long childrenMs, long subtreeMs) {
    return FolderSyncTimes.newBuilder()
        .setPath(path)
        .setInodeId(inodeId)
        .setChildrenMs(childrenMs)
        .setSubtreeMs(subtreeMs)
        .build();
  }
}
