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
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one local entry as a {@link UfsStatus}, following symbolic links as {@code ls -L} does.
 * What metasync cannot show is absent rather than an error: a link that leads nowhere (dangling or
 * a loop), a path below a file, and entries that are neither files nor folders (sockets, pipes,
 * devices; opening a pipe would block a reader forever).
 */
final class LocalStatusReader {
  /** One {@code stat}: type, size, time, mode bits and numeric owner and group. */
  private static final String ATTRIBUTES =
      "unix:isDirectory,isRegularFile,size,lastModifiedTime,mode,uid,gid";

  private final Path root;
  private final OwnerNames ownerNames;

  LocalStatusReader(Path root, OwnerNames ownerNames) {
    this.root = requireNonNull(root, "root is null");
    this.ownerNames = requireNonNull(ownerNames, "ownerNames is null");
  }

  /**
   * @throws IOException when the entry exists but cannot be read, e.g. {@link
   *     AccessDeniedException}
   */
  Optional<UfsStatus> read(Path file, String name) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(file, ATTRIBUTES);
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
    boolean directory = (Boolean) attributes.get("isDirectory");
    if (!directory && !(Boolean) attributes.get("isRegularFile")) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new UfsStatus(
              name,
              directory ? FileType.DIRECTORY : FileType.FILE,
              directory ? 0 : (Long) attributes.get("size"),
              ((FileTime) attributes.get("lastModifiedTime")).toMillis(),
              ownerNames.user((Integer) attributes.get("uid"), file),
              ownerNames.group((Integer) attributes.get("gid"), file),
              // Permission bits only, as java.nio can set them: setuid, setgid and sticky are not
              // shown.
              (Integer) attributes.get("mode") & 0777,
              ""));
    } catch (NoSuchFileException e) {
      // Deleted between the stat and the name lookup.
      return Optional.empty();
    }
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
