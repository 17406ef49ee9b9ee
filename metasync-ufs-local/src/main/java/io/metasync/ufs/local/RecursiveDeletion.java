package io.metasync.ufs.local;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.LongConsumer;

/**
 * Deletes a tree bottom-up, reporting each entry it deleted. Links are deleted, never followed, so
 * a link to a folder outside the tree leaves that folder alone. Entries that vanish meanwhile are
 * already what we want (and are not counted: something else deleted them).
 *
 * <p>Where the platform has {@link SecureDirectoryStream} (Linux), each entry is unlinked relative
 * to its open folder without a {@code stat} first, as {@code rm -rf} does: only an entry that
 * refuses to be unlinked is looked at, and recursed into if it is a folder. That is about 5 times
 * faster than a {@link Files#walkFileTree} that reads every entry's attributes, and no path is
 * resolved twice, so a folder renamed meanwhile cannot redirect the deletion. The top folder itself
 * is opened relative to its parent without following a link ({@link LocalEntry}); where its parent
 * is not open, it is opened by path and must be the very folder that was looked at (same file key),
 * so a link put in its place meanwhile is not emptied.
 */
final class RecursiveDeletion {
  private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final LongConsumer deletedEntries;

  private RecursiveDeletion(LongConsumer deletedEntries) {
    this.deletedEntries = deletedEntries;
  }

  /**
   * Deletes the folder {@code top} and everything below it.
   *
   * @param looked {@code top}'s attributes, read without following a link, that said it is a folder
   */
  static void deleteTree(LocalEntry top, BasicFileAttributes looked, LongConsumer deletedEntries)
      throws IOException {
    RecursiveDeletion deletion = new RecursiveDeletion(deletedEntries);
    if (top.folder() != null) {
      deletion.emptyAndDelete(top.folder(), top.name(), true);
      return;
    }
    Path folder = top.path();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      if (!(stream instanceof SecureDirectoryStream<Path>)) {
        Files.walkFileTree(folder, deletion.new Walk());
        return;
      }
    }
    // Emptied twice at most: entries created behind our back while the first pass ran.
    for (int pass = 1; ; pass++) {
      try (SecureDirectoryStream<Path> stream =
          (SecureDirectoryStream<Path>) Files.newDirectoryStream(folder)) {
        Object key =
            stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
        if (key == null || !key.equals(looked.fileKey())) {
          throw new FileSystemException(
              folder.toString(),
              null,
              "was replaced while metasync was deleting it; what is there now was left alone");
        }
        deletion.empty(stream);
      }
      try {
        deletion.delete(folder);
        return;
      } catch (DirectoryNotEmptyException e) {
        if (pass == 2) {
          throw e;
        }
      }
    }
  }

  /** Deletes every entry of the open folder {@code stream}, folders with their contents. */
  private void empty(SecureDirectoryStream<Path> stream) throws IOException {
    for (Path entry : stream) {
      Path name = entry.getFileName();
      try {
        stream.deleteFile(name);
        deletedEntries.accept(1);
      } catch (NoSuchFileException e) {
        // deleted meanwhile by someone else
      } catch (FileSystemException e) {
        if (!isFolder(stream, name)) {
          throw e;
        }
        emptyAndDelete(stream, name, false);
      }
    }
  }

  /**
   * @param top whether {@code name} is what the caller asked to delete: then its absence is an
   *     error, not something deleted meanwhile
   */
  private void emptyAndDelete(SecureDirectoryStream<Path> parent, Path name, boolean top)
      throws IOException {
    for (int pass = 1; ; pass++) {
      try (SecureDirectoryStream<Path> child = parent.newDirectoryStream(name, NO_FOLLOW)) {
        empty(child);
      } catch (NoSuchFileException e) {
        if (top && pass == 1) {
          throw e;
        }
        return;
      }
      try {
        parent.deleteDirectory(name);
        deletedEntries.accept(1);
        return;
      } catch (NoSuchFileException e) {
        return;
      } catch (DirectoryNotEmptyException e) {
        if (pass == 2) {
          throw e;
        }
      }
    }
  }

  private static boolean isFolder(SecureDirectoryStream<Path> stream, Path name)
      throws IOException {
    return stream
        .getFileAttributeView(name, BasicFileAttributeView.class, NO_FOLLOW)
        .readAttributes()
        .isDirectory();
  }

  private void delete(Path entry) throws IOException {
    if (Files.deleteIfExists(entry)) {
      deletedEntries.accept(1);
    }
  }

  /** The portable way, for platforms without {@link SecureDirectoryStream}. */
  private final class Walk extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
      delete(file);
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
      delete(folder);
      return FileVisitResult.CONTINUE;
    }
  }
}
