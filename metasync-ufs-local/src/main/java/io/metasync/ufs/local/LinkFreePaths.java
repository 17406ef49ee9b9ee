package io.metasync.ufs.local;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.ufs.SymbolicLinkException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Function;

/**
 * Reaches the entries below a local root without following a symbolic link on the way: Java's
 * {@code NOFOLLOW_LINKS} guards only the last component of a path, so every folder above an entry
 * is checked here.
 *
 * <p>{@link #open} opens the folders one below the other, each relative to the one above with
 * {@code O_NOFOLLOW} ({@link SecureDirectoryStream}, {@code openat}), so a folder swapped for a
 * link meanwhile cannot redirect the operation. That needs read permission on each folder; where a
 * folder cannot be opened for reading (a master that is not root, below a folder of mode {@code
 * 0711}), or where the platform has no {@link SecureDirectoryStream}, the rest of the way is
 * checked with one {@code lstat} per folder and the entry is then used by its path: a check then an
 * act, which a folder swapped for a link between the two can redirect. {@link #parentsAreFolders}
 * (for {@code getStatus}) is that {@code lstat} walk always: it only reads metadata.
 */
final class LinkFreePaths {
  private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

  /** How {@link #open} reaches an entry. */
  enum Reach {
    /** Through its open parent folder where it can, by path below a folder it cannot open. */
    OPEN_FOLDERS,
    /** By path always, after the check: what a platform without openat does (and tests). */
    BY_PATH
  }

  private final Path root;
  private final Function<String, URI> uriOf;
  private final Reach reach;

  /**
   * @param root the real path of the root folder (no link in it)
   * @param uriOf the URI of a UFS path, for messages
   */
  LinkFreePaths(Path root, Function<String, URI> uriOf, Reach reach) {
    this.root = requireNonNull(root, "root is null");
    this.uriOf = requireNonNull(uriOf, "uriOf is null");
    this.reach = requireNonNull(reach, "reach is null");
  }

  /** The local path of {@code path}, which must be {@code /} or a normalized {@code /a/b}. */
  Path local(String path) {
    requireNonNull(path, "path is null");
    checkArgument(path.startsWith("/"), "UFS path '%s' is not absolute", path);
    if (path.equals("/")) {
      return root;
    }
    Path file = root;
    for (String component : components(path)) {
      file = file.resolve(component);
    }
    checkArgument(file.normalize().startsWith(root), "UFS path '%s' leaves the root", path);
    return file;
  }

  /**
   * Whether every folder above {@code path} exists and is a folder, not a link: when not, the entry
   * is not in the namespace (a path below a link is as absent as the link itself).
   *
   * @throws AccessDeniedException when a folder on the way cannot be looked into
   */
  boolean parentsAreFolders(String path) throws IOException {
    String[] components = components(path);
    Path folder = root;
    for (int i = 0; i < components.length - 1; i++) {
      folder = folder.resolve(components[i]);
      try {
        if (!Files.readAttributes(folder, BasicFileAttributes.class, NO_FOLLOW).isDirectory()) {
          return false;
        }
      } catch (NoSuchFileException e) {
        return false;
      }
    }
    return true;
  }

  /**
   * The entry {@code path} (which may not exist), reached through its open parent folder where
   * possible (see the class comment). The root is reached by its path: it is a real path.
   *
   * @throws SymbolicLinkException when a folder above {@code path} is a link
   * @throws NoSuchFileException when a folder above {@code path} does not exist
   * @throws NotDirectoryException when a folder above {@code path} is a file
   */
  LocalEntry open(String path) throws IOException {
    Path local = local(path);
    if (path.equals("/")) {
      return new LocalEntry(root, null, null, uriOf.apply(path));
    }
    String[] components = components(path);
    SecureDirectoryStream<Path> folder = openRoot();
    String walked = "";
    int i = 0;
    for (; folder != null && i < components.length - 1; i++) {
      walked = walked + "/" + components[i];
      folder = openChild(folder, walked, Path.of(components[i]));
    }
    for (; i < components.length - 1; i++) {
      walked = walked + "/" + components[i];
      checkFolder(
          Files.readAttributes(local(walked), BasicFileAttributes.class, NO_FOLLOW), walked);
    }
    String name = components[components.length - 1];
    return new LocalEntry(local, folder, folder == null ? null : Path.of(name), uriOf.apply(path));
  }

  /**
   * The root as an open folder, or {@code null} where the platform cannot do that or the root
   * cannot be opened for reading.
   */
  private SecureDirectoryStream<Path> openRoot() throws IOException {
    if (reach == Reach.BY_PATH) {
      return null;
    }
    DirectoryStream<Path> stream;
    try {
      stream = Files.newDirectoryStream(root);
    } catch (AccessDeniedException e) {
      return null;
    }
    if (stream instanceof SecureDirectoryStream<Path> secure) {
      return secure;
    }
    stream.close();
    return null;
  }

  /**
   * Opens the folder {@code name} of {@code parent} (closed here either way), or returns {@code
   * null} when it is a folder that cannot be opened for reading.
   */
  private SecureDirectoryStream<Path> openChild(
      SecureDirectoryStream<Path> parent, String walked, Path name) throws IOException {
    try (parent) {
      // Looked at first: opening a pipe for reading would block, and a link is refused by name.
      checkFolder(attributes(parent, name), walked);
      try {
        return parent.newDirectoryStream(name, NO_FOLLOW);
      } catch (AccessDeniedException e) {
        return null;
      } catch (IOException e) {
        // ELOOP has no exception type of its own: a link put there since the look.
        if (attributes(parent, name).isSymbolicLink()) {
          throw new SymbolicLinkException(uriOf.apply(walked));
        }
        throw e;
      }
    }
  }

  /** The attributes of {@code name} itself, read relative to its open folder. */
  static BasicFileAttributes attributes(SecureDirectoryStream<Path> folder, Path name)
      throws IOException {
    return folder
        .getFileAttributeView(name, BasicFileAttributeView.class, NO_FOLLOW)
        .readAttributes();
  }

  private void checkFolder(BasicFileAttributes attributes, String walked) throws IOException {
    if (attributes.isSymbolicLink()) {
      throw new SymbolicLinkException(uriOf.apply(walked));
    }
    if (!attributes.isDirectory()) {
      throw new NotDirectoryException(local(walked).toString());
    }
  }

  private static String[] components(String path) {
    String[] components = path.substring(1).split("/", -1);
    for (String component : components) {
      // Callers normalize paths; refusing what they should never send keeps us inside the root.
      checkArgument(
          !component.isEmpty() && !component.equals(".") && !component.equals(".."),
          "UFS path '%s' is not normalized",
          path);
    }
    return components;
  }
}
