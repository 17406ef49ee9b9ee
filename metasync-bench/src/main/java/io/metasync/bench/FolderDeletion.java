package io.metasync.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes a folder and everything in it, without following links. */
final class FolderDeletion extends SimpleFileVisitor<Path> {
  private FolderDeletion() {}

  static void delete(Path folder) throws IOException {
    if (Files.exists(folder)) {
      Files.walkFileTree(folder, new FolderDeletion());
    }
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
    Files.delete(file);
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult postVisitDirectory(Path folder, IOException error) throws IOException {
    if (error != null) {
      throw error;
    }
    Files.delete(folder);
    return FileVisitResult.CONTINUE;
  }
}
