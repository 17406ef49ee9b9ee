package io.metasync.ufs.local;

import static java.util.Objects.requireNonNull;

import io.metasync.common.FileType;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Optional;

/**
 * Reads one local entry as a {@link UfsStatus}, following symbolic links as {@code ls -L} does.
 * What metasync cannot show is absent rather than an error: a link that leads nowhere (dangling or
 * a loop), a path below a file, and entries that are neither files nor folders (sockets, pipes,
 * devices; opening a pipe would block a reader forever).
 */
final class LocalStatusReader {
  private final Path root;

  LocalStatusReader(Path root) {
    this.root = requireNonNull(root, "root is null");
  }

  /**
   * @throws IOException when the entry exists but cannot be read, e.g. {@link
   *     AccessDeniedException}
   */
  Optional<UfsStatus> read(Path file, String name) throws IOException {
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, PosixFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (AccessDeniedException e) {
      throw e;
    } catch (FileSystemException e) {
      // ELOOP and ENOTDIR have no exception type of their own; tell them by what is on disk.
      if (Files.isSymbolicLink(file) || isBelowNonDirectory(file)) {
        return Optional.empty();
      }
      throw e;
    }
    if (!attributes.isRegularFile() && !attributes.isDirectory()) {
      return Optional.empty();
    }
    return Optional.of(
        new UfsStatus(
            name,
            attributes.isDirectory() ? FileType.DIRECTORY : FileType.FILE,
            attributes.isDirectory() ? 0 : attributes.size(),
            attributes.lastModifiedTime().toMillis(),
            attributes.owner().getName(),
            attributes.group().getName(),
            PosixModes.toMode(attributes.permissions()),
            ""));
  }

  /** Whether an ancestor of {@code file}, up to the root, exists but is not a folder. */
  boolean isBelowNonDirectory(Path file) {
    for (Path ancestor = file.getParent();
        ancestor != null && ancestor.startsWith(root);
        ancestor = ancestor.getParent()) {
      if (Files.exists(ancestor) && !Files.isDirectory(ancestor)) {
        return true;
      }
    }
    return false;
  }
}
