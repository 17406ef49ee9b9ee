package io.metasync.ufs.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.LongConsumer;

/**
 * Deletes a tree bottom-up, reporting each entry it deleted. Links are deleted, never followed, so
 * a link to a folder outside the tree leaves that folder alone. Entries that vanish meanwhile are
 * already what we want (and are not counted: something else deleted them).
 */
final class RecursiveDeletion extends SimpleFileVisitor<Path> {
  private final LongConsumer deletedEntries;

  RecursiveDeletion(LongConsumer deletedEntries) {
    this.deletedEntries = deletedEntries;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
    delete(file);
    return FileVisitResult.CONTINUE;
  }

  private void delete(Path entry) throws IOException {
    if (Files.deleteIfExists(entry)) {
      deletedEntries.accept(1);
    }
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException error) throws IOException {
    if (error instanceof NoSuchFileException) {
      return FileVisitResult.CONTINUE;
    }
    throw error;
  }

  @Override
  public FileVisitResult postVisitDirectory(Path folder, IOException error) throws IOException {
    if (error != null) {
      throw error;
    }
    delete(folder);
    return FileVisitResult.CONTINUE;
  }
}
