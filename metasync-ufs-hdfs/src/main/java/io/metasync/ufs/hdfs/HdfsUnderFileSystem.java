package io.metasync.ufs.hdfs;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.MessageText;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsOutputStream;
import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsRefusedException.Reason;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NotDirectoryException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DFSUtilClient;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.DirectoryListing;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;

/**
 * A folder of an HDFS cluster as an under file system, over one {@link DistributedFileSystem}
 * client of its own (closing the mount closes only that client). Statuses and listings come from
 * the {@code DFSClient} under it, whose listing can start after any name: HDFS sorts names in an
 * order of its own, which {@link StringOrderListing} turns into String order.
 */
final class HdfsUnderFileSystem implements UnderFileSystem {
  private static final int BUFFER_SIZE = 64 * 1024;

  /** The NameNode's fixed limits on a path ({@code HdfsServerConstants.MAX_PATH_LENGTH}). */
  static final int MAX_PATH_LENGTH = 8000;

  static final int MAX_PATH_DEPTH = 1000;

  private final URI rootUri;
  private final String rootPath;
  private final DistributedFileSystem hdfs;

  /**
   * @param rootPath the HDFS path that {@code rootUri} names: {@code /} or {@code /a/b}
   */
  HdfsUnderFileSystem(URI rootUri, String rootPath, DistributedFileSystem hdfs) {
    this.rootUri = requireNonNull(rootUri, "rootUri is null");
    this.rootPath = requireNonNull(rootPath, "rootPath is null");
    this.hdfs = requireNonNull(hdfs, "hdfs is null");
  }

  @Override
  public URI rootUri() {
    return rootUri;
  }

  /** The NameNode's fixed limits: 8,000 characters and 1,000 levels for a whole HDFS path. */
  @Override
  public void checkPathLength(String path) throws IOException {
    String hdfsPath = hdfsPath(path);
    long depth = hdfsPath.chars().filter(c -> c == '/').count();
    if (hdfsPath.length() > MAX_PATH_LENGTH || depth > MAX_PATH_DEPTH) {
      throw new UfsRefusedException(
          Reason.NAME_TOO_LONG,
          "its HDFS path would have "
              + MessageText.count(hdfsPath.length())
              + " characters and "
              + MessageText.count(depth)
              + " levels; HDFS takes at most "
              + MessageText.count(MAX_PATH_LENGTH)
              + " characters and "
              + MessageText.count(MAX_PATH_DEPTH)
              + " levels");
    }
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    String hdfsPath = hdfsPath(path);
    HdfsFileStatus status;
    try {
      status = hdfs.getClient().getFileInfo(hdfsPath);
    } catch (IOException e) {
      IOException translated = HdfsErrors.translate(e, uriOf(path));
      if (translated instanceof java.io.FileNotFoundException) {
        return Optional.empty();
      }
      throw translated;
    }
    return Optional.ofNullable(status).map(found -> HdfsStatuses.toUfsStatus(nameOf(path), found));
  }

  @Override
  public UfsListing list(String path) throws IOException {
    String hdfsPath = hdfsPath(path);
    DirectoryListing first;
    try {
      first = hdfs.getClient().listPaths(hdfsPath, HdfsFileStatus.EMPTY_NAME);
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
    if (first == null) {
      throw new java.io.FileNotFoundException(uriOf(path) + " does not exist");
    }
    HdfsFileStatus[] entries = first.getPartialListing();
    // HDFS lists a file as itself, under an empty name.
    if (entries.length == 1 && entries[0].isEmptyLocalName()) {
      throw new NotDirectoryException(uriOf(path).toString());
    }
    return new HdfsFolderListing(
        new StringOrderListing<>(new HdfsListingPages(hdfs.getClient(), hdfsPath, first)),
        uriOf(path));
  }

  /**
   * One {@code mkdirs}, then one {@code getFileInfo} for the status: the NameNode answers a mkdir
   * with a yes only, and the new folder's group (its parent's) and time are the NameNode's. HDFS's
   * {@code mkdirs} also says yes for an existing folder, so the contract's refusal rests on that
   * status: a folder with children was not made here. An empty folder made behind metasync's back
   * just before is taken as made here, which is what the caller asked for (a later sync reconciles
   * its times).
   */
  @Override
  public UfsStatus mkdir(String path, int mode) throws IOException {
    checkMode(mode);
    HdfsFileStatus made;
    try {
      hdfs.getClient().mkdirs(hdfsPath(path), new FsPermission((short) mode), false);
      made = hdfs.getClient().getFileInfo(hdfsPath(path));
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
    if (made == null) {
      throw new IOException(uriOf(path) + " vanished right after it was created; retry");
    }
    if (made.getChildrenNum() > 0) {
      throw new FileAlreadyExistsException(uriOf(path).toString());
    }
    return HdfsStatuses.toUfsStatus(nameOf(path), made);
  }

  /**
   * {@link UfsOutputStream#complete()} closes the file, then reads its status with one {@code
   * getFileInfo}: the NameNode sets the time when it completes the file and says nothing back.
   */
  @Override
  public UfsOutputStream create(String path, int mode) throws IOException {
    checkMode(mode);
    Path file = hadoopPath(path);
    OutputStream out;
    try {
      // the cluster's own replication and block size: this client reads no hdfs-site.xml
      FsServerDefaults defaults = hdfs.getServerDefaults(file);
      out =
          hdfs.createNonRecursive(
              file,
              new FsPermission((short) mode),
              EnumSet.of(CreateFlag.CREATE),
              BUFFER_SIZE,
              defaults.getReplication(),
              defaults.getBlockSize(),
              null);
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
    return UfsOutputStream.of(
        out,
        () ->
            getStatus(path)
                .orElseThrow(
                    () ->
                        new IOException(
                            uriOf(path) + " vanished right after it was written; retry")));
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    checkArgument(offset >= 0, "offset is negative: %s", offset);
    FSDataInputStream in;
    try {
      in = hdfs.open(hadoopPath(path), BUFFER_SIZE);
    } catch (IOException e) {
      // HDFS says "not found" for a folder too; the contract keeps that answer for absence
      Optional<UfsStatus> status = getStatus(path);
      if (status.isPresent() && status.get().isDirectory()) {
        throw new IOException(uriOf(path) + " is a folder, not a file", e);
      }
      throw HdfsErrors.translate(e, uriOf(path));
    }
    try {
      if (offset > 0) {
        in.seek(offset);
      }
    } catch (EOFException e) {
      // past the end: nothing to read, as a local file gives
      in.close();
      return InputStream.nullInputStream();
    } catch (IOException e) {
      in.close();
      throw HdfsErrors.translate(e, uriOf(path));
    }
    return in;
  }

  @Override
  public void delete(String path, boolean recursive) throws IOException {
    checkArgument(!path.equals("/"), "refusing to delete the root of %s", rootUri);
    boolean deleted;
    try {
      deleted = hdfs.delete(hadoopPath(path), recursive);
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
    if (!deleted) {
      throw new java.io.FileNotFoundException(uriOf(path) + " does not exist");
    }
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    checkArgument(
        !source.equals("/") && !destination.equals("/"),
        "refusing to rename the root of %s",
        rootUri);
    try {
      // NONE: refuse an existing destination instead of moving into it. One NameNode call: the
      // destination is looked at only when the rename failed, to name the conflict.
      hdfs.rename(hadoopPath(source), hadoopPath(destination), Options.Rename.NONE);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      throw HdfsErrors.translate(e, uriOf(destination));
    } catch (java.io.FileNotFoundException e) {
      boolean sourceExists = getStatus(source).isPresent();
      throw HdfsErrors.translate(e, uriOf(sourceExists ? destination : source));
    } catch (IOException e) {
      // HDFS refuses a file onto a folder (and back) for the types before it says "exists"
      if (getStatus(destination).isPresent()) {
        FileAlreadyExistsException exists =
            new FileAlreadyExistsException(uriOf(destination).toString());
        exists.initCause(e);
        throw exists;
      }
      throw HdfsErrors.translate(e, uriOf(source));
    }
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    checkMode(mode);
    try {
      hdfs.setPermission(hadoopPath(path), new FsPermission((short) mode));
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    if (owner == null && group == null) {
      // HDFS refuses a call that changes neither; the contract only asks that the path exists
      if (getStatus(path).isEmpty()) {
        throw new java.io.FileNotFoundException(uriOf(path) + " does not exist");
      }
      return;
    }
    try {
      hdfs.setOwner(hadoopPath(path), owner, group);
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
  }

  /**
   * The NameNode's inotify feed ({@link HdfsChangeFeed}); {@code pollInterval} is not needed, as
   * HDFS reports changes itself.
   *
   * @throws IOException saying what is needed when this client's user is not the HDFS superuser or
   *     the NameNode has no inotify
   */
  @Override
  public ChangeFeed openChangeFeed(FeedCursor resumeFrom, Duration pollInterval)
      throws IOException {
    return InotifyStreams.open(hdfs, rootUri, rootPath, resumeFrom);
  }

  @Override
  public void close() throws IOException {
    hdfs.close();
  }

  /** The absolute HDFS path of a UFS path ({@code /} or {@code /a/b}). */
  private String hdfsPath(String path) throws IOException {
    requireNonNull(path, "path is null");
    checkArgument(path.startsWith("/"), "UFS path '%s' is not absolute", path);
    for (String component : path.substring(1).split("/", -1)) {
      // Callers normalize paths; refusing what they should never send keeps us inside the root.
      checkArgument(
          path.equals("/")
              || (!component.isEmpty() && !component.equals(".") && !component.equals("..")),
          "UFS path '%s' is not normalized",
          path);
    }
    String hdfsPath = path.equals("/") ? rootPath : (rootPath.equals("/") ? "" : rootPath) + path;
    if (!DFSUtilClient.isValidName(hdfsPath)) {
      throw new UfsRefusedException(Reason.INVALID_NAME, "HDFS allows no ':' in names");
    }
    return hdfsPath;
  }

  private Path hadoopPath(String path) throws IOException {
    try {
      return new Path(new URI(null, null, hdfsPath(path), null));
    } catch (URISyntaxException e) {
      throw new IOException("cannot express " + uriOf(path) + " as an HDFS path", e);
    }
  }

  private static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static void checkMode(int mode) {
    checkArgument(
        mode >= 0 && mode <= 07777, "mode is out of range: %s", Integer.toOctalString(mode));
  }
}
