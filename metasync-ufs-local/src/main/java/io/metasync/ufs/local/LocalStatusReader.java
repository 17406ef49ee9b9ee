package io.metasync.ufs.local;

import static java.util.Objects.requireNonNull;

import io.metasync.common.FileType;
import io.metasync.ufs.Fingerprint;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one local entry as a {@link UfsStatus}, never following a symbolic link: a link is not part
 * of metasync's namespace (see {@link LocalUnderFileSystem}), so it is absent here, with a debug
 * line. What metasync cannot show is absent rather than an error too: a path below a file, and
 * entries that are neither files nor folders (sockets, pipes, devices; opening a pipe would block a
 * reader forever). The caller has checked that no folder above the entry is a link ({@link
 * LinkFreePaths#parentsAreFolders}, or the listing of its folder).
 */
final class LocalStatusReader {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStatusReader.class);

  /** One {@code lstat}: type, size, time, mode bits and numeric owner and group. */
  private static final String ATTRIBUTES =
      "unix:isDirectory,isRegularFile,isSymbolicLink,size,lastModifiedTime,mode,uid,gid";

  private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

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
      attributes = Files.readAttributes(file, ATTRIBUTES, NO_FOLLOW);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (AccessDeniedException e) {
      throw e;
    } catch (FileSystemException e) {
      // ENOTDIR has no exception type of its own; tell it by what is on disk.
      if (isBelowNonDirectory(file)) {
        return Optional.empty();
      }
      throw e;
    }
    if ((Boolean) attributes.get("isSymbolicLink")) {
      LOG.debug("skipping {}: a symbolic link, which metasync does not follow", file);
      return Optional.empty();
    }
    boolean directory = (Boolean) attributes.get("isDirectory");
    if (!directory && !(Boolean) attributes.get("isRegularFile")) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new UfsStatus(
              name,
              new Fingerprint(
                  directory ? FileType.DIRECTORY : FileType.FILE,
                  directory ? 0 : (Long) attributes.get("size"),
                  ((FileTime) attributes.get("lastModifiedTime")).toMillis(),
                  ownerNames.user((Integer) attributes.get("uid"), file),
                  ownerNames.group((Integer) attributes.get("gid"), file),
                  // Permission bits only, as java.nio can set them: setuid, setgid and sticky are
                  // not shown.
                  (Integer) attributes.get("mode") & 0777,
                  "")));
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
      if (Files.exists(ancestor, NO_FOLLOW) && !Files.isDirectory(ancestor, NO_FOLLOW)) {
        return true;
      }
    }
    return false;
  }
}
