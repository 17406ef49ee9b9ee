package io.metasync.master.inode;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.FileType;
import io.metasync.common.NamespacePath;
import io.metasync.master.journal.Journal;
import io.metasync.master.lock.PathLockManager;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.ufs.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one walk over cached folders, over a heap store, with pages smaller than the folders. */
class CachedTreeWalkTest {
  private static final int PAGE_SIZE = 2;

  private final HeapInodeStore store = new HeapInodeStore();
  private final InodeTree tree = newTree(store);
  private final FolderPages pages = new FolderPages(tree, new PathLockManager(), PAGE_SIZE);
  private long nextId = Inode.ROOT_ID;

  CachedTreeWalkTest() {
    store.put(inode(Inode.NO_PARENT, "", FileType.DIRECTORY));
  }

  @Test
  void walksEveryEntryDepthFirstInPreOrderAcrossPages() {
    long a = add(Inode.ROOT_ID, "a", FileType.DIRECTORY);
    long b = add(a, "b", FileType.DIRECTORY);
    add(b, "y", FileType.FILE);
    for (String name : List.of("v", "w", "x")) {
      add(a, name, FileType.FILE);
    }
    add(Inode.ROOT_ID, "c", FileType.FILE);

    assertThat(paths(new CachedTreeWalk(pages, NamespacePath.ROOT, CachedTreeWalk.Descent.ALL)))
        .containsExactly("/a", "/a/b", "/a/b/y", "/a/v", "/a/w", "/a/x", "/c");
  }

  @Test
  void goesOnlyIntoTheFoldersItsDescentAccepts() {
    long a = add(Inode.ROOT_ID, "a", FileType.DIRECTORY);
    add(a, "inside-a", FileType.FILE);
    long b = add(Inode.ROOT_ID, "b", FileType.DIRECTORY);
    add(b, "inside-b", FileType.FILE);
    List<String> entered = new ArrayList<>();
    CachedTreeWalk.Descent onlyA =
        new CachedTreeWalk.Descent() {
          @Override
          public boolean into(NamespacePath path, Inode folder) {
            return folder.name().equals("a");
          }

          @Override
          public void entering(NamespacePath path) {
            entered.add(path.toString());
          }
        };

    assertThat(paths(new CachedTreeWalk(pages, NamespacePath.ROOT, onlyA)))
        .containsExactly("/a", "/a/inside-a", "/b");
    assertThat(entered).containsExactly("/", "/a");
    assertThat(paths(new CachedTreeWalk(pages, NamespacePath.ROOT, CachedTreeWalk.Descent.NONE)))
        .containsExactly("/a", "/b");
  }

  @Test
  void entersAFolderBeforeItsChildrenAreRead() {
    long a = add(Inode.ROOT_ID, "a", FileType.DIRECTORY);
    CachedTreeWalk.Descent loading =
        new CachedTreeWalk.Descent() {
          @Override
          public boolean into(NamespacePath path, Inode folder) {
            return true;
          }

          @Override
          public void entering(NamespacePath path) {
            if (path.toString().equals("/a")) {
              add(a, "loaded-on-entry", FileType.FILE);
            }
          }
        };

    assertThat(paths(new CachedTreeWalk(pages, NamespacePath.ROOT, loading)))
        .containsExactly("/a", "/a/loaded-on-entry");
  }

  @Test
  void aFolderRemovedDuringTheWalkEndsItsPartQuietly() {
    long a = add(Inode.ROOT_ID, "a", FileType.DIRECTORY);
    for (String name : List.of("f1", "f2", "f3", "f4")) {
      add(a, name, FileType.FILE);
    }
    add(Inode.ROOT_ID, "z", FileType.FILE);
    CachedTreeWalk walk = new CachedTreeWalk(pages, NamespacePath.ROOT, CachedTreeWalk.Descent.ALL);
    List<String> seen = new ArrayList<>();
    seen.add(walk.next().path().toString());
    seen.add(walk.next().path().toString());

    SubtreeRemoval.remove(store, a, removed -> {});

    walk.forEachRemaining(entry -> seen.add(entry.path().toString()));
    // the page read before the removal is served; the rest of /a is gone, and the walk goes on
    assertThat(seen).containsExactly("/a", "/a/f1", "/a/f2", "/z");
  }

  @Test
  void pagesOfAFileOrAMissingFolderAreEmpty() {
    add(Inode.ROOT_ID, "file", FileType.FILE);

    assertThat(pages.after(NamespacePath.parse("/file"), "")).isEmpty();
    assertThat(pages.after(NamespacePath.parse("/missing"), "")).isEmpty();
    assertThat(pages.after(NamespacePath.ROOT, "")).extracting(Inode::name).containsExactly("file");
  }

  private static InodeTree newTree(InodeStore store) {
    Journal journal = new NoWrites();
    RemovalWatchers removals = new RemovalWatchers();
    return new InodeTree(store, journal, removals, new TrashPurger(store, journal, removals));
  }

  private static List<String> paths(CachedTreeWalk walk) {
    List<String> paths = new ArrayList<>();
    walk.forEachRemaining(entry -> paths.add(entry.path().toString()));
    return paths;
  }

  private long add(long parent, String name, FileType type) {
    Inode inode = inode(parent, name, type);
    store.put(inode);
    return inode.id();
  }

  private Inode inode(long parent, String name, FileType type) {
    boolean folder = type == FileType.DIRECTORY;
    return new Inode(
        nextId++,
        parent,
        name,
        new Fingerprint(type, folder ? 0 : 1, 1000, "o", "g", 0644, ""),
        folder);
  }

  /** The walk only reads. */
  private static final class NoWrites implements Journal {
    @Override
    public void write(JournalEntry entry) {
      throw new AssertionError("a walk wrote to the journal: " + entry);
    }

    @Override
    public void close() {}
  }
}
