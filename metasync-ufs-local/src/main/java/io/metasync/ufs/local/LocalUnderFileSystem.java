package io.metasync.ufs.local;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.SymbolicLinkException;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsOutputStream;
import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsRefusedException.Reason;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A local POSIX folder as an under file system. Modes are the permission bits 0777: java.nio can
 * neither read nor set setuid, setgid and sticky bits, so those are dropped.
 *
 * <p><b>Symbolic links are never followed</b> (see docs/security.md, "Symbolic links and mounts"),
 * so nothing outside the root can be read or changed through a link planted inside it:
 *
 * <ul>
 *   <li>A link is not part of the namespace, like a socket or a pipe: a listing skips it (it is
 *       neither shown nor counted; a debug line names it), and {@link #getStatus} of a link, or of
 *       a path below one, is empty. That absence is this rule, not a failure taken for absence.
 *   <li>Every other operation on a path that is a link, or that goes through one (listing, reading,
 *       creating, {@code mkdir}, mode, owner, rename source or destination, delete), fails with
 *       {@link SymbolicLinkException}: "{@code <uri>} is a symbolic link; metasync does not follow
 *       links in a local mount", naming the link. Retrying changes nothing.
 *   <li>A recursive delete of a folder unlinks the links inside it, never what they point to.
 *   <li>The root is the real path of the folder that was asked for ({@link
 *       LocalUnderFileSystemFactory} resolves it), and {@link #rootUri} is that real path.
 * </ul>
 *
 * <p>Operations reach an entry through its open parent folder ({@link LinkFreePaths}, {@link
 * LocalEntry}), so a folder swapped for a link meanwhile cannot redirect them, except where those
 * classes say: {@code mkdir}, mode and owner changes of an entry the master cannot read, anything
 * below a folder the master cannot read, and {@code getStatus} and the attributes of listed
 * entries, which are read by path (metadata only) after a check.
 */
final class LocalUnderFileSystem implements UnderFileSystem {
  // EPERM has no exception type of its own; the JDK reports it by its strerror text.
  private static final String OPERATION_NOT_PERMITTED = "Operation not permitted";

  private final URI rootUri;
  private final Path root;
  private final LinkFreePaths paths;
  private final LocalStatusReader reader;
  private final UserPrincipalLookupService principals;
  private final int runSize;
  private final Path spillFolder;

  /**
   * @param root the real path (no link in it) of the folder that {@code rootUri} names
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
    this(rootUri, root, runSize, spillFolder, LinkFreePaths.Reach.OPEN_FOLDERS);
  }

  /**
   * @param reach how entries are reached without following links (see {@link LinkFreePaths})
   */
  LocalUnderFileSystem(
      URI rootUri, Path root, int runSize, Path spillFolder, LinkFreePaths.Reach reach) {
    checkArgument(runSize > 0, "runSize must be positive: %s", runSize);
    this.rootUri = requireNonNull(rootUri, "rootUri is null");
    this.root = requireNonNull(root, "root is null");
    this.runSize = runSize;
    this.spillFolder = requireNonNull(spillFolder, "spillFolder is null");
    this.paths = new LinkFreePaths(root, this::uriOf, reach);
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
    LocalRefusals.checkLength(paths.local(path));
  }

  /** Empty for a link and for a path below one: links are not part of the namespace. */
  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    Path file = paths.local(path);
    if (!path.equals("/") && !paths.parentsAreFolders(path)) {
      return Optional.empty();
    }
    return reader.read(file, nameOf(path));
  }

  /**
   * Reads the folder's names first (a folder has no order of its own), in bounded memory: runs of
   * names beyond the first are sorted and spilled to temporary files (see {@link SortedNames}).
   * Links among the entries are skipped.
   */
  @Override
  public UfsListing list(String path) throws IOException {
    SortedNames names;
    try (LocalEntry folder = paths.open(path);
        DirectoryStream<Path> entries = openFolder(folder, path)) {
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
    return new LocalFolderListing(reader, paths.local(path), names);
  }

  private DirectoryStream<Path> openFolder(LocalEntry folder, String path) throws IOException {
    if (!folder.refuseLink(folder.attributes()).isDirectory()) {
      throw new NotDirectoryException(uriOf(path).toString());
    }
    return folder.openFolder();
  }

  /** The new folder's status is read back by path: one {@code lstat} of what was just made. */
  @Override
  public UfsStatus mkdir(String path, int mode) throws IOException {
    checkMode(mode);
    try (LocalEntry folder = paths.open(path)) {
      refuseExisting(folder, path);
      folder.createFolder();
      try {
        // Set after creation: the umask narrows any mode given to mkdir(2).
        folder.setPermissions(PosixModes.toPermissions(mode));
      } catch (IOException e) {
        deleteQuietly(folder, true, e);
        throw e;
      }
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
    return readCreated(path);
  }

  /** The status of an entry this UFS has just made; its absence is a failure, not an answer. */
  private UfsStatus readCreated(String path) throws IOException {
    return reader
        .read(paths.local(path), nameOf(path))
        .orElseThrow(
            () -> new IOException(uriOf(path) + " vanished right after it was created; retry"));
  }

  /** {@link UfsOutputStream#complete()} reads the file's status back: one {@code lstat}. */
  @Override
  public UfsOutputStream create(String path, int mode) throws IOException {
    checkMode(mode);
    SeekableByteChannel channel;
    try (LocalEntry file = paths.open(path)) {
      refuseExisting(file, path);
      channel = file.newByteChannel(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        // The stream stays writable whatever the mode, e.g. 0444.
        file.setPermissions(PosixModes.toPermissions(mode));
      } catch (IOException e) {
        channel.close();
        deleteQuietly(file, false, e);
        throw e;
      }
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
    return UfsOutputStream.of(
        new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024),
        () -> readCreated(path));
  }

  /** A link is refused by name; anything else that exists is already there. */
  private void refuseExisting(LocalEntry entry, String path) throws IOException {
    Optional<BasicFileAttributes> existing = entry.attributesIfExists();
    if (existing.isPresent()) {
      entry.refuseLink(existing.get());
      throw new FileAlreadyExistsException(uriOf(path).toString());
    }
  }

  private static void deleteQuietly(LocalEntry entry, boolean isFolder, IOException failure) {
    try {
      entry.delete(isFolder);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    checkArgument(offset >= 0, "offset is negative: %s", offset);
    SeekableByteChannel channel;
    try (LocalEntry file = paths.open(path)) {
      BasicFileAttributes attributes = file.refuseLink(file.attributes());
      // open(2) succeeds on a folder on Linux; refuse it here rather than fail on the first read.
      if (attributes.isDirectory()) {
        throw new UfsRefusedException(Reason.IS_A_FOLDER, "it is a folder, not a file");
      }
      if (!attributes.isRegularFile()) {
        // A pipe would block the reader; getStatus shows none of these.
        throw new NoSuchFileException(uriOf(path).toString());
      }
      channel = file.newByteChannel(StandardOpenOption.READ);
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

  /**
   * Reports each entry as it is deleted: a tree is walked and deleted here, entry by entry. A link
   * named by {@code path} is refused; links inside a deleted folder are unlinked, their targets
   * left alone.
   */
  @Override
  public void delete(String path, boolean recursive, LongConsumer deletedEntries)
      throws IOException {
    checkArgument(!path.equals("/"), "refusing to delete the root of %s", rootUri);
    requireNonNull(deletedEntries, "deletedEntries is null");
    try (LocalEntry target = paths.open(path)) {
      BasicFileAttributes attributes = target.refuseLink(target.attributes());
      if (recursive && attributes.isDirectory()) {
        RecursiveDeletion.deleteTree(target, attributes, deletedEntries);
      } else {
        target.delete(attributes.isDirectory());
        deletedEntries.accept(1);
      }
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
  }

  /** Refused when the source or the destination is a link or goes through one. */
  @Override
  public void rename(String source, String destination) throws IOException {
    checkArgument(
        !source.equals("/") && !destination.equals("/"),
        "refusing to rename the root of %s",
        rootUri);
    try (LocalEntry from = open(source, "does not exist")) {
      try {
        from.refuseLink(from.attributes());
      } catch (FileSystemException e) {
        throw translate(e, source);
      }
      try (LocalEntry to = open(destination, "its parent folder does not exist")) {
        // rename(2) silently replaces an existing destination, so this check is what refuses one.
        // It races only with changes made behind metasync's back, which a later sync reconciles.
        refuseExisting(to, destination);
        from.moveTo(to);
      } catch (NoSuchFileException e) {
        if (from.attributesIfExists().isEmpty()) {
          throw translate(e, source);
        }
        throw notFound(destination, "its parent folder does not exist", e);
      } catch (FileSystemException e) {
        throw translate(e, destination);
      }
    }
  }

  /** {@link LinkFreePaths#open}, saying {@code whyMissing} when a folder above is missing. */
  private LocalEntry open(String path, String whyMissing) throws IOException {
    try {
      return paths.open(path);
    } catch (NoSuchFileException e) {
      throw notFound(path, whyMissing, e);
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    checkMode(mode);
    try (LocalEntry entry = paths.open(path)) {
      entry.refuseLink(entry.attributes());
      entry.setPermissions(PosixModes.toPermissions(mode));
    } catch (FileSystemException e) {
      throw translate(e, path);
    }
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    // Both names are looked up first, so an unknown group never leaves a changed owner behind.
    UserPrincipal user = owner == null ? null : lookUp(owner, false);
    GroupPrincipal groupPrincipal = group == null ? null : (GroupPrincipal) lookUp(group, true);
    try (LocalEntry entry = paths.open(path)) {
      entry.refuseLink(entry.attributes());
      entry.setOwner(user, groupPrincipal);
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
        && reader.isBelowNonDirectory(paths.local(path))) {
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
