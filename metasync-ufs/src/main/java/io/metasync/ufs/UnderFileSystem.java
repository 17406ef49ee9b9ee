package io.metasync.ufs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * An under file system (UFS) as metasync sees it: the minimal set of operations that the master
 * needs, on paths relative to one root URI (the mount's). Paths are {@code /} for the root or
 * {@code /a/b}, already normalized by the caller. Metrics, retries and fault injection are
 * decorators (see {@link ForwardingUnderFileSystem}), not conditions inside an implementation.
 *
 * <p>Errors: a missing path is {@link java.io.FileNotFoundException} (or an empty {@link Optional}
 * from {@link #getStatus}); an existing target is {@link java.nio.file.FileAlreadyExistsException};
 * a refused permission is {@link java.nio.file.AccessDeniedException}; a non-empty folder deleted
 * without {@code recursive} is {@link java.nio.file.DirectoryNotEmptyException}; a path that lies
 * below a file where a folder is needed is {@link java.nio.file.NotDirectoryException}; an owner or
 * group that the UFS does not know is {@link
 * java.nio.file.attribute.UserPrincipalNotFoundException}; a path that is, or goes through, a
 * symbolic link that the UFS does not follow is {@link SymbolicLinkException} (an {@code
 * AccessDeniedException}); any other request that the UFS refuses for good (a name too long, a
 * read-only or full file system) is {@link UfsRefusedException}. Any other {@link IOException}
 * means the UFS failed, a retry may succeed, and it says nothing about whether the path exists.
 *
 * <p>Implementations are thread-safe.
 */
public interface UnderFileSystem extends AutoCloseable {
  /** The URI that relative paths start from, for example {@code file:///data/ufs}. */
  URI rootUri();

  /** The full URI of a relative path, for messages and {@code stat}'s {@code ufsUri}. */
  default URI uriOf(String path) {
    String root = rootUri().toString();
    String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    return URI.create(base + (path.equals("/") ? "" : UriPaths.encode(path)));
  }

  /**
   * Requests the storage refused as too many (S3's 503 SlowDown) and this UFS retried after a
   * back-off, since it was opened; 0 for a storage that never throttles.
   */
  default long throttledRequests() {
    return 0;
  }

  /**
   * Refuses, without asking the UFS, a path longer than this UFS can ever hold, so that a write
   * that creates several entries ({@code mkdir -p}) can refuse a path before it creates any of
   * them. The default accepts every path.
   *
   * @throws UfsRefusedException NAME_TOO_LONG, saying the limit
   * @throws IOException when a UFS that connects on first use cannot connect
   */
  default void checkPathLength(String path) throws IOException {}

  /**
   * The entry at {@code path}, or empty when the UFS says it does not exist.
   *
   * @throws IOException when the UFS fails (never used to say "absent")
   */
  Optional<UfsStatus> getStatus(String path) throws IOException;

  /**
   * The entries of the folder {@code path}, sorted by name.
   *
   * @throws java.io.FileNotFoundException when the folder does not exist
   * @throws java.nio.file.NotDirectoryException when {@code path} is a file
   */
  UfsListing list(String path) throws IOException;

  /**
   * Creates one folder; its parent must exist. Returns the new folder's status, as the UFS answered
   * the operation or built from what was made (each implementation says which), so the caller needs
   * no second call to learn it.
   *
   * @throws java.nio.file.FileAlreadyExistsException when a file or a folder with children exists
   *     at {@code path}; an existing empty folder too, except in a UFS whose own mkdir says yes to
   *     one (HDFS), which may answer with its status instead, as if it had made it
   */
  UfsStatus mkdir(String path, int mode) throws IOException;

  /**
   * Creates a file and returns a stream for its bytes; the file is complete when the stream is
   * closed, and {@link UfsOutputStream#complete()} closes it returning the file's status.
   *
   * @throws java.nio.file.FileAlreadyExistsException when something exists at {@code path}
   */
  UfsOutputStream create(String path, int mode) throws IOException;

  /** Opens a file to read from {@code offset}. */
  InputStream open(String path, long offset) throws IOException;

  /**
   * Deletes a file or folder.
   *
   * @throws java.nio.file.DirectoryNotEmptyException for a non-empty folder without {@code
   *     recursive}
   */
  void delete(String path, boolean recursive) throws IOException;

  /**
   * Deletes as {@link #delete(String, boolean)} does, and passes {@code deletedEntries}, as it
   * goes, the number of entries (files and folders, {@code path} included) deleted since its last
   * call, so that a recursive delete of a huge tree can show progress. It is called on the deleting
   * thread and must be quick.
   *
   * <p>The default calls {@link #delete(String, boolean)} and reports nothing. That suits a UFS
   * that deletes a tree in one call (HDFS: one NameNode call, no count to give), and a decorator
   * that overrides only {@link #delete(String, boolean)}: every delete still goes through its
   * override, without a count. A UFS that walks the tree itself (a local folder) overrides this.
   */
  default void delete(String path, boolean recursive, LongConsumer deletedEntries)
      throws IOException {
    delete(path, recursive);
  }

  /**
   * Renames {@code source} to {@code destination}, whose parent must exist.
   *
   * @throws java.nio.file.FileAlreadyExistsException when {@code destination} exists
   */
  void rename(String source, String destination) throws IOException;

  void setMode(String path, int mode) throws IOException;

  /** Sets owner and/or group; a {@code null} one is left as it is. */
  void setOwner(String path, String owner, String group) throws IOException;

  /**
   * Opens this UFS's change feed, resuming after {@code resumeFrom} when given (a cursor this UFS's
   * feed made earlier) or starting from now. A UFS without a feed of its own gets {@link
   * PollingChangeFeed}, which finds changes by listing watched folders again every {@code
   * pollInterval}.
   *
   * @throws IOException when the feed cannot be opened; the message says what is needed (for HDFS,
   *     the superuser and an edit log with inotify)
   */
  default ChangeFeed openChangeFeed(FeedCursor resumeFrom, Duration pollInterval)
      throws IOException {
    return new PollingChangeFeed(this, resumeFrom, pollInterval);
  }

  @Override
  void close() throws IOException;
}
