package io.metasync.master.inode.rocks;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/** The RocksDB folder of the inode store: emptied at start, or filled from a checkpoint. */
final class StoreFolders {
  private StoreFolders() {}

  /** Deletes {@code folder} with everything in it, and creates it empty. */
  static void recreate(Path folder) throws IOException {
    deleteRecursively(folder);
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

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException error)
              throws IOException {
            if (error != null) {
              throw error;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
