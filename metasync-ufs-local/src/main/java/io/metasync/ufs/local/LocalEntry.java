package io.metasync.ufs.local;

import static java.util.Objects.requireNonNull;

import io.metasync.ufs.SymbolicLinkException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One entry below a local root (it may not exist), reached by {@link LinkFreePaths} without
 * following a link above it. Every operation here leaves a link that is the entry itself alone:
 * {@link #attributes} shows it, and the callers refuse it with {@link #refuseLink}.
 *
 * <p>Where the entry's parent folder is open ({@code folder} is not {@code null}), each operation
 * is relative to it ({@code *at} system calls) with {@code O_NOFOLLOW}: nothing can redirect it.
 * Otherwise (see {@link LinkFreePaths}) it goes by path, with {@code NOFOLLOW_LINKS} on the entry.
 * Three operations use the path even with an open folder, because Java has no relative form of
 * them: creating a folder ({@code mkdirat}), and changing the mode or owner of an entry the master
 * cannot open for reading ({@code fchmodat}): those check the entry first and then act, so a folder
 * above swapped for a link between the two redirects them.
 */
final class LocalEntry implements Closeable {
  private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final Path path;
  private final SecureDirectoryStream<Path> folder;
  private final Path name;
  private final URI uri;

  /**
   * @param path the entry's local path
   * @param folder its parent folder, open, or {@code null} to go by {@code path}; closed by {@link
   *     #close}
   * @param name its name in {@code folder}
   * @param uri its URI, for messages
   */
  LocalEntry(Path path, SecureDirectoryStream<Path> folder, Path name, URI uri) {
    this.path = requireNonNull(path, "path is null");
    this.folder = folder;
    this.name = folder == null ? null : requireNonNull(name, "name is null");
    this.uri = requireNonNull(uri, "uri is null");
  }

  Path path() {
    return path;
  }

  /** The open parent folder, or {@code null} when the entry goes by path. */
  SecureDirectoryStream<Path> folder() {
    return folder;
  }

  /** The entry's name in {@link #folder()}. */
  Path name() {
    return name;
  }

  /** The entry itself, a link included. */
  BasicFileAttributes attributes() throws IOException {
    return folder == null
        ? Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW)
        : LinkFreePaths.attributes(folder, name);
  }

  /** {@link #attributes}, or empty when there is no such entry. */
  Optional<BasicFileAttributes> attributesIfExists() throws IOException {
    try {
      return Optional.of(attributes());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * @throws SymbolicLinkException when {@code attributes} are a link's
   */
  BasicFileAttributes refuseLink(BasicFileAttributes attributes) throws SymbolicLinkException {
    if (attributes.isSymbolicLink()) {
      throw new SymbolicLinkException(uri);
    }
    return attributes;
  }

  /** Opens the folder itself, refusing a link put in its place. */
  DirectoryStream<Path> openFolder() throws IOException {
    if (folder == null) {
      return Files.newDirectoryStream(path);
    }
    try {
      return folder.newDirectoryStream(name, NO_FOLLOW);
    } catch (IOException e) {
      throw linkOr(e);
    }
  }

  /** Opens the file itself with {@code options}, refusing a link put in its place. */
  SeekableByteChannel newByteChannel(OpenOption... options) throws IOException {
    Set<OpenOption> noFollow = new HashSet<>(Set.of(options));
    noFollow.add(LinkOption.NOFOLLOW_LINKS);
    try {
      return folder == null
          ? Files.newByteChannel(path, noFollow)
          : folder.newByteChannel(name, noFollow);
    } catch (IOException e) {
      throw linkOr(e);
    }
  }

  /** Creates the folder by path: there is no relative form (see the class comment). */
  void createFolder() throws IOException {
    Files.createDirectory(path);
  }

  /** Deletes the entry, which must be a folder (an empty one) when {@code isFolder}. */
  void delete(boolean isFolder) throws IOException {
    if (folder == null) {
      Files.delete(path);
    } else if (isFolder) {
      folder.deleteDirectory(name);
    } else {
      folder.deleteFile(name);
    }
  }

  /** Moves this entry to {@code target}, which must not exist. */
  void moveTo(LocalEntry target) throws IOException {
    try {
      if (folder != null && target.folder != null) {
        folder.move(name, target.folder, target.name);
      } else {
        Files.move(path, target.path, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (AtomicMoveNotSupportedException e) {
      // Another file system is mounted inside the root; Files.move copies and deletes instead.
      Files.move(path, target.path, LinkOption.NOFOLLOW_LINKS);
    }
  }

  void setPermissions(Set<PosixFilePermission> permissions) throws IOException {
    try {
      view().setPermissions(permissions);
    } catch (AccessDeniedException e) {
      // fchmod needs the entry open, which needs read permission; chmod(2) does not.
      refuseLink(attributes());
      Files.setPosixFilePermissions(path, permissions);
    } catch (IOException e) {
      throw linkOr(e);
    }
  }

  /** Sets the owner and then the group, each unless {@code null}. */
  void setOwner(UserPrincipal user, GroupPrincipal group) throws IOException {
    try {
      setOwner(view(), user, group);
    } catch (AccessDeniedException e) {
      // fchown needs the entry open, which needs read permission; lchown(2) does not.
      refuseLink(attributes());
      setOwner(
          Files.getFileAttributeView(path, PosixFileAttributeView.class, NO_FOLLOW), user, group);
    } catch (IOException e) {
      throw linkOr(e);
    }
  }

  private static void setOwner(
      PosixFileAttributeView view, UserPrincipal user, GroupPrincipal group) throws IOException {
    if (user != null) {
      view.setOwner(user);
    }
    if (group != null) {
      view.setGroup(group);
    }
  }

  private PosixFileAttributeView view() {
    return folder == null
        ? Files.getFileAttributeView(path, PosixFileAttributeView.class, NO_FOLLOW)
        : folder.getFileAttributeView(name, PosixFileAttributeView.class, NO_FOLLOW);
  }

  /**
   * {@code error}, or a {@link SymbolicLinkException} when the entry is a link: ELOOP, what {@code
   * O_NOFOLLOW} fails with, has no exception type of its own.
   */
  private IOException linkOr(IOException error) {
    if (error instanceof NoSuchFileException || error instanceof AccessDeniedException) {
      return error;
    }
    try {
      if (attributes().isSymbolicLink()) {
        SymbolicLinkException link = new SymbolicLinkException(uri);
        link.initCause(error);
        return link;
      }
    } catch (IOException e) {
      error.addSuppressed(e);
    }
    return error;
  }

  @Override
  public void close() throws IOException {
    if (folder != null) {
      folder.close();
    }
  }
}
