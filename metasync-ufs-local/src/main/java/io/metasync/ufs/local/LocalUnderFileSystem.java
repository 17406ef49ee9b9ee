package io.metasync.ufs.local;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsRefusedException.Reason;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A local POSIX folder as an under file system. Symbolic links are followed as {@code ls -L} does
 * (see {@link LocalStatusReader} for what is shown as absent); deleting a link removes the link,
 * never what it points to. Modes are the permission bits 0777: java.nio can neither read nor set
 * setuid, setgid and sticky bits, so those are dropped.
 */
final class LocalUnderFileSystem implements UnderFileSystem {
  // EPERM has no exception type of its own; the JDK reports it by its strerror text.
  private static final String OPERATION_NOT_PERMITTED = "Operation not permitted";

  private final URI rootUri;
  private final Path root;
  private final LocalStatusReader reader;
  private final UserPrincipalLookupService principals;
  private final int runSize;
  private final Path spillFolder;

  /**
   * @param root the absolute, normalized folder that {@code rootUri} names
   */
  LocalUnderFileSystem(URI rootUri, Path root) {
    this(
        rootUri, root, SortedNames.DEFAULT_RUN_SIZE, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * @param runSize names a listing sorts in memory before it spills them to a temporary file
   * @param spillFolder where those temporary files go
   */
  LocalUnderFileSystem(URI rootUri, Path root, int runSize, Path spillFolder) {
    checkArgument(runSize > 0, "runSize must be positive: %s", runSize);
    this.rootUri = requireNonNull(rootUri, "rootUri is null");
    this.root = requireNonNull(root, "root is null");
    this.runSize = runSize;
    this.spillFolder = requireNonNull(spillFolder, "spillFolder is null");
    this.reader = new LocalStatusReader(root, new OwnerNames(Clock.systemUTC()));
    this.principals = root.getFileSystem().getUserPrincipalLookupService();
  }

  @Override
  public URI rootUri() {
    return rootUri;
  }

  /** Linux's limits: 4,095 bytes for the whole local path, 255 for a name. */
  @Override
  public void checkPathLength(String path) throws UfsRefusedException {
    LocalRefusals.checkLength(resolve(path));
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    return reader.read(resolve(path), nameOf(path));
  }

  /**
   * Reads the folder's names first (a folder has no order of its own), in bounded memory: runs of
   * names beyond the first are sorted and spilled to temporary files (see {@link SortedNames}).
   */
  @Override
  public UfsListing list(String path) throws IOException {
    Path folder = resolve(path);
    SortedNames names;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      Iterator<Path> iterator = entries.iterator();
      names =
          SortedNames.read(
              new Iterator<>() {
                @Override
                public boolean hasNext() {
                  return iterator.hasNext();
                }

                @Override
                public String next() {
                  return iterator.next().getFileName().toString();
                }
              },
              runSize,
              spillFolder);
    } catch (DirectoryIteratorException e) {
      throw translate(e.getCause(), path);
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
    return new LocalFolderListing(reader, folder, names);
  }

  @Override
  public void mkdir(String path, int mode) throws IOException {
    checkMode(mode);
    Path folder = resolve(path);
    try {
      Files.createDirectory(folder);
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
    try {
      // Set after creation: the umask narrows any mode given to mkdir(2).
      Files.setPosixFilePermissions(folder, PosixModes.toPermissions(mode));
    } catch (IOException e) {
      Files.deleteIfExists(folder);
      throw e;
    }
  }

  @Override
  public OutputStream create(String path, int mode) throws IOException {
    checkMode(mode);
    Path file = resolve(path);
    OutputStream out;
    try {
      out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
    try {
      // The stream stays writable whatever the mode, e.g. 0444.
      Files.setPosixFilePermissions(file, PosixModes.toPermissions(mode));
    } catch (IOException e) {
      out.close();
      Files.deleteIfExists(file);
      throw e;
    }
    return new BufferedOutputStream(out, 64 * 1024);
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    checkArgument(offset >= 0, "offset is negative: %s", offset);
    Path file = resolve(path);
    SeekableByteChannel channel;
    try {
      // open(2) succeeds on a folder on Linux; refuse it here rather than fail on the first read.
      if (Files.isDirectory(file)) {
        throw new UfsRefusedException(Reason.IS_A_FOLDER, "it is a folder, not a file");
      }
      channel = Files.newByteChannel(file, StandardOpenOption.READ);
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
    try {
      channel.position(offset);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
  }

  @Override
  public void delete(String path, boolean recursive) throws IOException {
    delete(path, recursive, entries -> {});
  }

  /** Reports each entry as it is deleted: a tree is walked and deleted here, entry by entry. */
  @Override
  public void delete(String path, boolean recursive, LongConsumer deletedEntries)
      throws IOException {
    checkArgument(!path.equals("/"), "refusing to delete the root of %s", rootUri);
    requireNonNull(deletedEntries, "deletedEntries is null");
    Path target = resolve(path);
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (recursive && attributes.isDirectory()) {
        RecursiveDeletion.deleteTree(target, deletedEntries);
      } else {
        Files.delete(target);
        deletedEntries.accept(1);
      }
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    checkArgument(
        !source.equals("/") && !destination.equals("/"),
        "refusing to rename the root of %s",
        rootUri);
    Path from = resolve(source);
    Path to = resolve(destination);
    try {
      Files.readAttributes(from, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (FileSystemException e) {
      throw translate(e, source);
    }
    // rename(2) silently replaces an existing destination, so this check is what refuses one. It
    // races only with changes made behind metasync's back, which a later sync reconciles.
    if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(uriOf(destination).toString());
    }
    try {
      move(from, to);
    } catch (NoSuchFileException e) {
      if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
        throw translate(e, source);
      }
      throw notFound(destination, "its parent folder does not exist", e);
    } catch (FileSystemException e) {
      throw translate(e, destination);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      // Another file system is mounted inside the root; Files.move copies and deletes instead.
      Files.move(from, to);
    }
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    checkMode(mode);
    try {
      Files.setPosixFilePermissions(resolve(path), PosixModes.toPermissions(mode));
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    Path file = resolve(path);
    // Both names are looked up first, so an unknown group never leaves a changed owner behind.
    UserPrincipal user = owner == null ? null : lookUp(owner, false);
    GroupPrincipal groupPrincipal = group == null ? null : (GroupPrincipal) lookUp(group, true);
    if (user == null && groupPrincipal == null) {
      if (Files.notExists(file)) {
        throw notFound(path, "does not exist", null);
      }
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    try {
      if (user != null) {
        view.setOwner(user);
      }
      if (groupPrincipal != null) {
        view.setGroup(groupPrincipal);
      }
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
  }

  private UserPrincipal lookUp(String name, boolean isGroup) throws IOException {
    try {
      return isGroup
          ? principals.lookupPrincipalByGroupName(name)
          : principals.lookupPrincipalByName(name);
    } catch (UserPrincipalNotFoundException e) {
      throw new UnknownPrincipalException(
          name, (isGroup ? "no group '" : "no user '") + name + "' on this machine");
    }
  }

  /** Linux inotify on this folder (see {@link LocalChangeFeed}); {@code pollInterval} is unused. */
  @Override
  public ChangeFeed openChangeFeed(FeedCursor resumeFrom, Duration pollInterval)
      throws IOException {
    return LocalChangeFeed.open(root, resumeFrom, Clock.systemUTC());
  }

  @Override
  public void close() {}

  /** The local path of {@code path}, which must be {@code /} or {@code /a/b}. */
  private Path resolve(String path) {
    requireNonNull(path, "path is null");
    checkArgument(path.startsWith("/"), "UFS path '%s' is not absolute", path);
    if (path.equals("/")) {
      return root;
    }
    Path file = root;
    for (String component : path.substring(1).split("/", -1)) {
      // Callers normalize paths; refusing what they should never send keeps us inside the root.
      checkArgument(
          !component.isEmpty() && !component.equals(".") && !component.equals(".."),
          "UFS path '%s' is not normalized",
          path);
      file = file.resolve(component);
    }
    checkArgument(file.normalize().startsWith(root), "UFS path '%s' leaves %s", path, rootUri);
    return file;
  }

  private static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static void checkMode(int mode) {
    checkArgument(
        mode >= 0 && mode <= 07777, "mode is out of range: %s", Integer.toOctalString(mode));
  }

  /** The exception the SPI documents for {@code error} on {@code path}. */
  private IOException translate(IOException error, String path) {
    if (error instanceof NoSuchFileException) {
      return notFound(path, "does not exist", error);
    }
    if (error instanceof AccessDeniedException
        || error instanceof FileAlreadyExistsException
        || !(error instanceof FileSystemException fileSystemError)) {
      return error;
    }
    UfsRefusedException refused = LocalRefusals.of(fileSystemError);
    if (refused != null) {
      return refused;
    }
    if ((error.getClass() == FileSystemException.class || error instanceof NotDirectoryException)
        && reader.isBelowNonDirectory(resolve(path))) {
      return notFound(path, "does not exist (a parent is a file)", error);
    }
    if (OPERATION_NOT_PERMITTED.equals(fileSystemError.getReason())) {
      AccessDeniedException denied =
          new AccessDeniedException(
              fileSystemError.getFile(),
              fileSystemError.getOtherFile(),
              fileSystemError.getReason());
      denied.initCause(error);
      return denied;
    }
    return error;
  }

  private FileNotFoundException notFound(String path, String why, Exception cause) {
    FileNotFoundException notFound = new FileNotFoundException(uriOf(path) + " " + why);
    notFound.initCause(cause);
    return notFound;
  }

  /** A {@link UserPrincipalNotFoundException} whose message says what was being done. */
  private static final class UnknownPrincipalException extends UserPrincipalNotFoundException {
    private static final long serialVersionUID = 1L;
    private final String message;

    UnknownPrincipalException(String name, String message) {
      super(name);
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }
}
