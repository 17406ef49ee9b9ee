package io.metasync.master.inode.rocks;

import io.metasync.common.FolderLock;
import io.metasync.common.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The RocksDB folder of the inode store: emptied at start, or filled from a checkpoint. */
final class StoreFolders {
  private StoreFolders() {}

  /** Deletes {@code folder} with everything in it, and creates it empty. */
  static void recreate(Path folder) throws IOException {
    Folders.deleteRecursively(folder);
    Files.createDirectories(folder);
  }

  /**
   * Fills {@code folder} (recreated empty) with a checkpoint's files: its table files ({@code
   * .sst}, which RocksDB never changes once written) as hard links, so that loading a snapshot of
   * millions of inodes copies nothing, and its few small mutable files (manifest, options) as
   * copies, so that the open store never writes into the snapshot. Where hard links are impossible
   * (another file system) the tables are copied too.
   */
  static void copyCheckpoint(Path checkpoint, Path folder) throws IOException {
    recreate(folder);
    try (Stream<Path> files = Files.list(checkpoint)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.startsWith("LOG")) {
          continue; // RocksDB's info log: not part of the data
        }
        Path target = folder.resolve(name);
        if (name.endsWith(".sst")) {
          try {
            Files.createLink(target, file);
            continue;
          } catch (IOException | UnsupportedOperationException e) {
            // another file system: copy instead
          }
        }
        Files.copy(file, target);
      }
    }
  }

  /**
   * Locks {@code storeFolder}: the store wipes its RocksDB folder when it opens, which must never
   * happen under another master configured with the same folder.
   */
  static FolderLock lock(Path storeFolder) {
    return FolderLock.acquire(
        storeFolder,
        "store.lock",
        "another master uses the inode store folder "
            + storeFolder
            + "; give each master its own metasync.master.metastore.dir",
        "the inode store folder {} (metasync.master.metastore.dir)");
  }
}
