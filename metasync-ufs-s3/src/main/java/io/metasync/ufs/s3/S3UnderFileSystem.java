package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsOutputStream;
import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NotDirectoryException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * An S3 bucket, or a prefix of one, as an under file system. A file is an object; a folder is a
 * common prefix {@code name/}, with or without a zero-byte marker object {@code name/} (mkdir
 * creates one; a folder is found by any key under it). S3 stores no owner, group or mode: every
 * entry reports the mount's (see {@link S3Permissions}), and chmod or chown to anything else is
 * refused.
 *
 * <p>Not atomic, unlike a file system: a new file appears only when its stream is closed; a rename
 * is a server-side copy and then a delete of the source (of every key under a folder, copied in
 * parallel), so a failure or a reader in between sees both or half; a recursive delete removes keys
 * a batch at a time. A write that empties a folder without a marker leaves a marker in it, so the
 * folder stays, as it would in a file system.
 */
final class S3UnderFileSystem implements UnderFileSystem {
  static final int PAGE_SIZE = 1000;

  private final URI rootUri;
  private final S3Location location;
  private final S3Objects objects;
  private final S3MountOptions options;
  private final ExecutorService copyThreads;
  private final AutoCloseable client;

  S3UnderFileSystem(
      URI rootUri,
      S3Location location,
      S3Objects objects,
      S3MountOptions options,
      ExecutorService copyThreads,
      AutoCloseable client) {
    this.rootUri = requireNonNull(rootUri, "rootUri is null");
    this.location = requireNonNull(location, "location is null");
    this.objects = requireNonNull(objects, "objects is null");
    this.options = requireNonNull(options, "options is null");
    this.copyThreads = requireNonNull(copyThreads, "copyThreads is null");
    this.client = requireNonNull(client, "client is null");
  }

  @Override
  public long throttledRequests() {
    return objects.throttled();
  }

  @Override
  public URI rootUri() {
    return rootUri;
  }

  @Override
  public void checkPathLength(String path) throws IOException {
    location.checkKeyLength(path);
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    if (path.equals("/")) {
      return Optional.of(S3Statuses.folder("", permissions()));
    }
    try {
      location.checkKeyLength(path);
    } catch (UfsRefusedException e) {
      return Optional.empty(); // no key that long can exist
    }
    String name = S3Location.nameOf(path);
    Optional<HeadObjectResponse> object = objects.head(location.keyOf(path));
    if (object.isPresent()) {
      HeadObjectResponse head = object.get();
      return Optional.of(
          S3Statuses.file(
              name, head.contentLength(), head.lastModified(), head.eTag(), permissions()));
    }
    // Also asked when the HEAD's 404 meant a missing bucket: this listing then fails, as it must.
    if (objects.anyKeyUnder(location.folderPrefixOf(path))) {
      return Optional.of(S3Statuses.folder(name, permissions()));
    }
    return Optional.empty();
  }

  @Override
  public UfsListing list(String path) throws IOException {
    S3FolderPages pages =
        new S3FolderPages(objects, location.folderPrefixOf(path), PAGE_SIZE, permissions());
    FolderPages.Page first = pages.page(null);
    boolean empty = first.entries().isEmpty() && !first.holdsMarker() && first.nextToken() == null;
    if (empty && !path.equals("/")) {
      if (objects.head(location.keyOf(path)).isPresent()) {
        throw new NotDirectoryException(uriOf(path).toString());
      }
      throw new FileNotFoundException(uriOf(path) + " does not exist");
    }
    return new NameOrderListing(pages, first, PAGE_SIZE);
  }

  @Override
  public UfsStatus mkdir(String path, int mode) throws IOException {
    checkCreatable(path);
    objects.put(location.folderPrefixOf(path), new byte[0], 0);
    // Built, not asked: a folder's status is the marker's existence and the mount's permissions.
    return S3Statuses.folder(path.substring(path.lastIndexOf('/') + 1), permissions());
  }

  /**
   * The status {@link UfsOutputStream#complete()} returns is read back with one HEAD after the
   * upload: S3 answers the upload with an ETag but not the object's Last-Modified.
   */
  @Override
  public UfsOutputStream create(String path, int mode) throws IOException {
    checkCreatable(path);
    return UfsOutputStream.of(
        new UploadStream(objects, location.keyOf(path), options.transfers().partSize()),
        () ->
            getStatus(path)
                .orElseThrow(
                    () -> new FileNotFoundException(uriOf(path) + " is gone after its upload")));
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    if (path.equals("/")) {
      throw new UfsRefusedException(UfsRefusedException.Reason.IS_A_FOLDER, "it is a folder");
    }
    try {
      return objects.get(location.keyOf(path), offset);
    } catch (FileNotFoundException e) {
      if (objects.anyKeyUnder(location.folderPrefixOf(path))) {
        throw new UfsRefusedException(
            UfsRefusedException.Reason.IS_A_FOLDER, "it is a folder (an S3 prefix)", e);
      }
      throw e;
    }
  }

  @Override
  public void delete(String path, boolean recursive) throws IOException {
    delete(path, recursive, deleted -> {});
  }

  @Override
  public void delete(String path, boolean recursive, LongConsumer deletedEntries)
      throws IOException {
    if (path.equals("/")) {
      throw new IOException("cannot delete the root of " + rootUri + "; unmount it instead");
    }
    UfsStatus status = existing(path);
    if (!status.isDirectory()) {
      objects.delete(location.keyOf(path));
      deletedEntries.accept(1);
    } else if (recursive) {
      new PrefixDeletion(objects).delete(location.folderPrefixOf(path), deletedEntries);
    } else {
      String marker = location.folderPrefixOf(path);
      List<String> keys = objects.keysUnder(marker, 2);
      if (keys.stream().anyMatch(key -> !key.equals(marker))) {
        throw new DirectoryNotEmptyException(uriOf(path).toString());
      }
      objects.delete(marker);
      deletedEntries.accept(1);
    }
    keepFolder(S3Location.parentOf(path));
  }

  /**
   * Copies, then deletes the source: not atomic. A failure half-way leaves the destination partly
   * made and the source whole; renaming again after deleting the destination finishes it.
   */
  @Override
  public void rename(String source, String destination) throws IOException {
    if (source.equals("/")) {
      throw new IOException("cannot rename the root of " + rootUri);
    }
    UfsStatus status = existing(source);
    checkCreatable(destination);
    if (!status.isDirectory()) {
      objects.copy(
          location.keyOf(source),
          location.keyOf(destination),
          status.length(),
          options.transfers().partSize());
      objects.delete(location.keyOf(source));
    } else {
      if (destination.startsWith(source + "/")) {
        throw new IOException(
            "cannot move " + uriOf(source) + " into itself (" + uriOf(destination) + ")");
      }
      String sourcePrefix = location.folderPrefixOf(source);
      new PrefixCopy(objects, copyThreads, options.transfers().partSize())
          .copy(sourcePrefix, location.folderPrefixOf(destination));
      new PrefixDeletion(objects).delete(sourcePrefix, deleted -> {});
    }
    keepFolder(S3Location.parentOf(source));
  }

  /** Keeps {@code mode} where it is the mount's {@code s3.mode}; refuses any other. */
  @Override
  public void setMode(String path, int mode) throws IOException {
    existing(path);
    if ((mode & 07777) != permissions().mode()) {
      throw new UfsRefusedException(
          UfsRefusedException.Reason.UNSUPPORTED,
          "chmod is not supported by s3://: S3 keeps no modes, and every entry of this mount has"
              + " the mode of its option "
              + S3MountOptions.MODE
              + " (0"
              + Integer.toOctalString(permissions().mode())
              + ")");
    }
  }

  /** Keeps the owner and group where they are the mount's; refuses any other. */
  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    existing(path);
    S3Permissions permissions = permissions();
    boolean sameOwner = owner == null || owner.equals(permissions.owner());
    boolean sameGroup = group == null || group.equals(permissions.group());
    if (!sameOwner || !sameGroup) {
      throw new UfsRefusedException(
          UfsRefusedException.Reason.UNSUPPORTED,
          "chown is not supported by s3://: S3 keeps no owners, and every entry of this mount"
              + " belongs to its options "
              + S3MountOptions.OWNER
              + " and "
              + S3MountOptions.GROUP
              + " ("
              + permissions.owner()
              + ":"
              + permissions.group()
              + ")");
    }
  }

  /**
   * The event feed where the mount has {@code s3.events.port} (S3, MinIO or Ceph send their event
   * notifications there), else the polling feed, which lists each watched subtree every {@code
   * pollInterval}.
   */
  @Override
  public ChangeFeed openChangeFeed(FeedCursor resumeFrom, Duration pollInterval)
      throws IOException {
    if (options.events().isPresent()) {
      return S3EventChangeFeed.open(
          location, options.events().get(), resumeFrom, Clock.systemUTC());
    }
    return UnderFileSystem.super.openChangeFeed(resumeFrom, pollInterval);
  }

  @Override
  public void close() throws IOException {
    copyThreads.shutdownNow();
    try {
      client.close();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot close the S3 client of " + rootUri, e);
    }
  }

  private S3Permissions permissions() {
    return options.permissions();
  }

  private UfsStatus existing(String path) throws IOException {
    return getStatus(path)
        .orElseThrow(() -> new FileNotFoundException(uriOf(path) + " does not exist"));
  }

  /** A new entry's name is acceptable, nothing is at {@code path}, and its parent is a folder. */
  private void checkCreatable(String path) throws IOException {
    if (path.equals("/")) {
      throw new FileAlreadyExistsException(uriOf(path).toString());
    }
    location.checkNewEntry(path);
    String parent = S3Location.parentOf(path);
    // Any key under the parent makes it a folder: one request where it is one, as usual.
    if (!parent.equals("/") && !objects.anyKeyUnder(location.folderPrefixOf(parent))) {
      if (objects.head(location.keyOf(parent)).isPresent()) {
        throw new NotDirectoryException(uriOf(parent).toString());
      }
      throw new FileNotFoundException(uriOf(parent) + " (the parent) does not exist");
    }
    if (getStatus(path).isPresent()) {
      throw new FileAlreadyExistsException(uriOf(path).toString());
    }
  }

  /**
   * Puts a marker in {@code folder} where the write that just ran took away its last key, so that
   * it stays a folder, as in a file system.
   */
  private void keepFolder(String folder) throws IOException {
    if (!folder.equals("/") && !objects.anyKeyUnder(location.folderPrefixOf(folder))) {
      objects.put(location.folderPrefixOf(folder), new byte[0], 0);
    }
  }

  @Override
  public String toString() {
    return "S3UnderFileSystem[" + rootUri + ", " + options + "]";
  }
}
