package io.metasync.master.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.FileType;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.HeapInodeStore;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeRecords;
import io.metasync.proto.journal.InodeBatch;
import io.metasync.proto.journal.InodeChange;
import io.metasync.proto.journal.InodeIds;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.RemoveMount;
import io.metasync.ufs.Fingerprint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What entries change as watchers see it, told from a heap store before each is applied. */
class ChangeDetectorTest {
  private static final long ROOT = Inode.ROOT_ID;

  private final HeapInodeStore store = new HeapInodeStore();
  private final ChangeDetector detector = new ChangeDetector(store);

  ChangeDetectorTest() {
    store.put(folder(ROOT, Inode.NO_PARENT, ""));
    store.put(folder(2, ROOT, "a"));
    store.put(file(3, 2, "f", 10, 0644));
  }

  @Test
  void aFolderAndAFileInItCreatedInOneEntryAreTwoCreations() {
    assertThat(
            detector.changesOf(entry(put(folder(4, ROOT, "new")), put(file(5, 4, "g", 1, 0644)))))
        .containsExactly(created("/new"), created("/new/g"));
  }

  @Test
  void aMoveIsOneChangeWithBothPaths() {
    assertThat(detector.changesOf(entry(put(folder(2, ROOT, "b")))))
        .containsExactly(Change.renamed(path("/a"), path("/b")));
  }

  @Test
  void aFileRewrittenIsContentAndAChmodIsMetadata() {
    assertThat(detector.changesOf(entry(put(file(3, 2, "f", 20, 0644)))))
        .containsExactly(Change.of(Change.Kind.CONTENT, path("/a/f")));
    assertThat(detector.changesOf(entry(put(file(3, 2, "f", 10, 0600)))))
        .containsExactly(Change.of(Change.Kind.METADATA, path("/a/f")));
  }

  @Test
  void aFoldersModificationTimeOrChildrenLoadedAloneIsNoChange() {
    Inode touched =
        new Inode(
            2, ROOT, "a", new Fingerprint(FileType.DIRECTORY, 0, 99, "o", "g", 0755, ""), true);
    assertThat(detector.changesOf(entry(put(touched)))).isEmpty();
  }

  @Test
  void aRemovedFileADetachedFolderAndAnUnmountAreDeletions() {
    assertThat(
            detector.changesOf(
                entry(
                    InodeChange.newBuilder().setRemoveSubtree(3).build(),
                    InodeChange.newBuilder().setDetachSubtree(2).build())))
        .containsExactly(
            Change.of(Change.Kind.DELETED, path("/a/f")),
            Change.of(Change.Kind.DELETED, path("/a")));
    assertThat(
            detector.changesOf(
                JournalEntry.newBuilder()
                    .setRemoveMount(RemoveMount.newBuilder().setPath("/a"))
                    .build()))
        .containsExactly(Change.of(Change.Kind.DELETED, path("/a")));
  }

  @Test
  void purgingTheTrashIsNoChange() {
    store.put(folder(2, Inode.TRASH_ID, "2"));
    assertThat(
            detector.changesOf(
                entry(
                    InodeChange.newBuilder()
                        .setRemoveInodes(InodeIds.newBuilder().addIds(3).addIds(2))
                        .build())))
        .isEmpty();
  }

  private static JournalEntry entry(InodeChange... changes) {
    return JournalEntry.newBuilder()
        .setInodes(InodeBatch.newBuilder().addAllChanges(List.of(changes)))
        .build();
  }

  private static InodeChange put(Inode inode) {
    return InodeChange.newBuilder().setPut(InodeRecords.toRecord(inode)).build();
  }

  private static Inode folder(long id, long parentId, String name) {
    return new Inode(
        id, parentId, name, new Fingerprint(FileType.DIRECTORY, 0, 0, "o", "g", 0755, ""), false);
  }

  private static Inode file(long id, long parentId, String name, long length, int mode) {
    return new Inode(
        id, parentId, name, new Fingerprint(FileType.FILE, length, 0, "o", "g", mode, ""), false);
  }

  private static Change created(String path) {
    return Change.of(Change.Kind.CREATED, path(path));
  }

  private static NamespacePath path(String path) {
    return NamespacePath.parse(path);
  }
}
