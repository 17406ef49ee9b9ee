package io.metasync.master.inode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapInodeStoreTest extends AbstractInodeStoreTest {
  @Override
  protected InodeStore createStore() {
    return new HeapInodeStore();
  }

  @Test
  void folderLosesItsChildIndexWithItsLastChild() {
    HeapInodeStore heap = (HeapInodeStore) store;
    heap.put(root());
    heap.put(folder(2, Inode.ROOT_ID, "src"));
    heap.put(folder(3, Inode.ROOT_ID, "dst"));
    Inode file = file(4, 2, "f");
    heap.put(file);
    assertThat(heap.indexedParentCount()).isEqualTo(2);

    heap.put(file.withLocation(3, "f"));
    assertThat(heap.indexedParentCount()).isEqualTo(2);

    heap.remove(4);
    // Only the root's index is left: an empty folder costs no index.
    assertThat(heap.indexedParentCount()).isEqualTo(1);
  }
}
