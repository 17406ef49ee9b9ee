package io.metasync.ufs.hdfs;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.MessageText;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsOutputStream;
import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsRefusedException.Reason;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * A folder of any file system that Hadoop has a {@link FileSystem} for ({@code webhdfs://}, {@code
 * s3a://}, {@code abfs://}, ...) as an under file system, through Hadoop's public API only. Its
 * change feed is the contract's default, polling; HDFS's inotify feed and NameNode calls are for
 * {@code hdfs://} ({@link HdfsUnderFileSystem}). Checks that Hadoop's API leaves to each file
 * system (a parent exists, a target is absent) are separate calls here, so a concurrent writer with
 * another tool may race them, as with {@code s3://}.
 */
final class HadoopUnderFileSystem implements UnderFileSystem {
  private static final int BUFFER_SIZE = 64 * 1024;

  /** Which fixed limits on a path the file system behind the scheme has. */
  enum PathLimits {
    /** The NameNode's (WebHDFS is HDFS behind HTTP). */
    HDFS,
    /** None known here: the file system's own refusal is reported when it comes. */
    NONE
  }

  private final URI rootUri;
  private final String rootPath;
  private final FileSystem fileSystem;
  private final PathLimits limits;

  /**
   * @param rootPath the path that {@code rootUri} names in {@code fileSystem}: {@code /} or {@code
   *     /a/b}
   */
  HadoopUnderFileSystem(URI rootUri, String rootPath, FileSystem fileSystem, PathLimits limits) {
    this.rootUri = requireNonNull(rootUri, "rootUri is null");
    this.rootPath = requireNonNull(rootPath, "rootPath is null");
    this.fileSystem = requireNonNull(fileSystem, "fileSystem is null");
    this.limits = requireNonNull(limits, "limits is null");
  }

  @Override
  public URI rootUri() {
    return rootUri;
  }

  @Override
  public void checkPathLength(String path) throws IOException {
    switch (limits) {
      case HDFS -> checkHdfsPathLength(fullPath(path));
      case NONE -> {}
    }
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) throws IOException {
    try {
      return Optional.of(HadoopStatuses.toUfsStatus(nameOf(path), fileStatus(path)));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public UfsListing list(String path) throws IOException {
    if (!fileStatus(path).isDirectory()) {
      throw new NotDirectoryException(uriOf(path).toString());
    }
    List<UfsStatus> entries = new ArrayList<>();
    try {
      RemoteIterator<FileStatus> statuses = fileSystem.listStatusIterator(hadoopPath(path));
      while (statuses.hasNext()) {
        FileStatus status = statuses.next();
        entries.add(HadoopStatuses.toUfsStatus(status.getPath().getName(), status));
      }
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
    return new SortedFolderListing(entries);
  }

  @Override
  public UfsStatus mkdir(String path, int mode) throws IOException {
    checkMode(mode);
    // Hadoop's mkdirs makes missing parents and succeeds on an existing folder; the contract
    // refuses both, so they are checked first.
    requireFolder(parentOf(path));
    if (getStatus(path).isPresent()) {
      throw new FileAlreadyExistsException(uriOf(path).toString());
    }
    try {
      fileSystem.mkdirs(hadoopPath(path), new FsPermission((short) mode));
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
    // Hadoop's mkdirs answers a boolean: the status is read back.
    return statusAfterWrite(path);
  }

  private UfsStatus statusAfterWrite(String path) throws IOException {
    return getStatus(path)
        .orElseThrow(
            () -> new IOException(uriOf(path) + " vanished right after it was written; retry"));
  }

  @Override
  public UfsOutputStream create(String path, int mode) throws IOException {
    checkMode(mode);
    // WebHDFS and others send the create with the first bytes or on close, so its refusals would
    // come too late: they are checked first.
    requireFolder(parentOf(path));
    if (getStatus(path).isPresent()) {
      throw new FileAlreadyExistsException(uriOf(path).toString());
    }
    Path file = hadoopPath(path);
    try {
      return UfsOutputStream.of(
          fileSystem.createNonRecursive(
              file,
              new FsPermission((short) mode),
              EnumSet.of(CreateFlag.CREATE),
              BUFFER_SIZE,
              fileSystem.getDefaultReplication(file),
              fileSystem.getDefaultBlockSize(file),
              null),
          () -> statusAfterWrite(path));
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
  }

  @Override
  public InputStream open(String path, long offset) throws IOException {
    checkArgument(offset >= 0, "offset is negative: %s", offset);
    // WebHDFS and others open lazily, on the first read: absence and folders are told here.
    FileStatus status = fileStatus(path);
    if (status.isDirectory()) {
      throw new IOException(uriOf(path) + " is a folder, not a file");
    }
    if (offset >= status.getLen()) {
      return InputStream.nullInputStream();
    }
    FSDataInputStream in;
    try {
      in = fileSystem.open(hadoopPath(path), BUFFER_SIZE);
      if (offset > 0) {
        in.seek(offset);
      }
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
    return in;
  }

  @Override
  public void delete(String path, boolean recursive) throws IOException {
    checkArgument(!path.equals("/"), "refusing to delete the root of %s", rootUri);
    boolean deleted;
    try {
      deleted = fileSystem.delete(hadoopPath(path), recursive);
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
    if (!deleted) {
      throw new FileNotFoundException(uriOf(path) + " does not exist");
    }
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    checkArgument(
        !source.equals("/") && !destination.equals("/"),
        "refusing to rename the root of %s",
        rootUri);
    // Hadoop's public rename moves into an existing folder and answers false for most refusals:
    // each refusal of the contract is checked first, so that it can be named.
    fileStatus(source);
    requireFolder(parentOf(destination));
    if (getStatus(destination).isPresent()) {
      throw new FileAlreadyExistsException(uriOf(destination).toString());
    }
    boolean renamed;
    try {
      renamed = fileSystem.rename(hadoopPath(source), hadoopPath(destination));
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(source));
    }
    if (!renamed) {
      throw new IOException(
          rootUri.getScheme() + ":// refused to rename " + uriOf(source) + " to " + destination);
    }
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    checkMode(mode);
    try {
      fileSystem.setPermission(hadoopPath(path), new FsPermission((short) mode));
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
  }

  @Override
  public void setOwner(String path, String owner, String group) throws IOException {
    if (owner == null && group == null) {
      fileStatus(path);
      return;
    }
    try {
      fileSystem.setOwner(hadoopPath(path), owner, group);
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
  }

  @Override
  public void close() throws IOException {
    fileSystem.close();
  }

  /**
   * @throws FileNotFoundException when the path does not exist
   */
  private FileStatus fileStatus(String path) throws IOException {
    try {
      return fileSystem.getFileStatus(hadoopPath(path));
    } catch (IOException e) {
      throw HdfsErrors.translate(e, uriOf(path));
    }
  }

  private void requireFolder(String path) throws IOException {
    Optional<UfsStatus> parent = getStatus(path);
    if (parent.isEmpty() || !parent.get().isDirectory()) {
      throw new FileNotFoundException(uriOf(path) + " is not a folder");
    }
  }

  private String fullPath(String path) {
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
    return path.equals("/") ? rootPath : (rootPath.equals("/") ? "" : rootPath) + path;
  }

  private Path hadoopPath(String path) throws IOException {
    try {
      return new Path(new URI(null, null, fullPath(path), null));
    } catch (URISyntaxException e) {
      throw new IOException("cannot express " + uriOf(path) + " as a Hadoop path", e);
    }
  }

  private static void checkHdfsPathLength(String hdfsPath) throws UfsRefusedException {
    long depth = hdfsPath.chars().filter(c -> c == '/').count();
    if (hdfsPath.length() > HdfsUnderFileSystem.MAX_PATH_LENGTH
        || depth > HdfsUnderFileSystem.MAX_PATH_DEPTH) {
      throw new UfsRefusedException(
          Reason.NAME_TOO_LONG,
          "its HDFS path would have "
              + MessageText.count(hdfsPath.length())
              + " characters and "
              + MessageText.count(depth)
              + " levels; HDFS takes at most "
              + MessageText.count(HdfsUnderFileSystem.MAX_PATH_LENGTH)
              + " characters and "
              + MessageText.count(HdfsUnderFileSystem.MAX_PATH_DEPTH)
              + " levels");
    }
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash == 0 ? "/" : path.substring(0, slash);
  }

  private static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static void checkMode(int mode) {
    checkArgument(
        mode >= 0 && mode <= 07777, "mode is out of range: %s", Integer.toOctalString(mode));
  }
}
