package io.metasync.ufs.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes a tree bottom-up. Links are deleted, never followed, so a link to a folder outside the
 * tree leaves that folder alone. Entries that vanish meanwhile are already what we want.
 */
final class RecursiveDeletion extends SimpleFileVisitor<Path> {
  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
    Files.deleteIfExists(file);
    return FileVisitResult.CONTINUE;
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
    Files.deleteIfExists(folder);
    return FileVisitResult.CONTINUE;
  }
}
