package io.metasync.hadoop;

import io.metasync.client.CallOptions;
import io.metasync.client.CloseableIterator;
import io.metasync.client.MetasyncClient;
import io.metasync.client.RenameOutcome;
import io.metasync.common.CreateOptions;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hadoop file system of {@code metasync://host:port/path}: metadata calls go to the metasync
 * master at {@code host:port} (or to the leader of a group named by a logical URI, see {@link
 * MasterUris}) and are answered from its cache under the sync interval and load type of this file
 * system's configuration ({@code metasync.user.file.metadata.sync.interval}, {@code ...load.type});
 * file bytes are read from the UFS directly where this client can reach it ({@code
 * metasync.user.file.read.direct}) and through the master otherwise. Calls are made as the Hadoop
 * (UGI) current user. Registered through {@code META-INF/services}, so no {@code fs.metasync.impl}
 * is needed.
 */
public class MetasyncFileSystem extends FileSystem {
  public static final String SCHEME = "metasync";

  private static final Logger LOG = LoggerFactory.getLogger(MetasyncFileSystem.class);

  private URI uri;
  private Path workingDirectory;
  private MetasyncClient client;
  private CallOptionsReader options;
  private DirectReads directReads;
  private boolean readDirect;

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  protected int getDefaultPort() {
    return Integer.parseInt(PropertyKey.MASTER_RPC_PORT.defaultValue());
  }

  @Override
  public void initialize(URI name, Configuration conf) throws IOException {
    super.initialize(name, conf);
    setConf(conf);
    MasterUris.Resolved masters = MasterUris.resolve(name, conf);
    this.uri = masters.uri();
    this.workingDirectory = new Path(uri.getScheme(), uri.getAuthority(), "/");
    this.options = new CallOptionsReader(conf);
    this.readDirect = CallOptionsReader.readDirect(conf);
    this.client =
        SharedClients.acquire(
            masters.masters(),
            ConnectionSettings.identity(conf),
            ConnectionSettings.tls(conf),
            options.current());
    this.directReads = new DirectReads(client, conf);
  }

  @Override
  public URI getUri() {
    return uri;
  }

  /**
   * A logical name ({@code metasync://cluster}) stays as it is: Hadoop would otherwise resolve it
   * as a host and add the default port, and refuse the file system's own paths as another's.
   */
  @Override
  protected URI canonicalizeUri(URI name) {
    return MasterUris.isLogical(name, getConf()) ? name : super.canonicalizeUri(name);
  }

  /** None: metasync issues no Hadoop delegation tokens, and a logical name is not a host. */
  @Override
  public String getCanonicalServiceName() {
    return null;
  }

  @Override
  public Path getWorkingDirectory() {
    return workingDirectory;
  }

  @Override
  public void setWorkingDirectory(Path directory) {
    workingDirectory = makeQualified(absolute(directory));
  }

  @Override
  public FileStatus getFileStatus(Path path) throws IOException {
    statistics.incrementReadOps(1);
    try {
      return toHadoop(client().getStatus(pathOf(path)));
    } catch (MetasyncException e) {
      throw HadoopErrors.translate(e);
    }
  }

  @Override
  public FileStatus[] listStatus(Path path) throws IOException {
    List<FileStatus> entries = new ArrayList<>();
    RemoteIterator<FileStatus> iterator = listStatusIterator(path);
    while (iterator.hasNext()) {
      entries.add(iterator.next());
    }
    return entries.toArray(FileStatus[]::new);
  }

  @Override
  public RemoteIterator<FileStatus> listStatusIterator(Path path) throws IOException {
    return StatusIterator.start(listing(path, false), this::toHadoop);
  }

  @Override
  public RemoteIterator<LocatedFileStatus> listLocatedStatus(Path path) throws IOException {
    return StatusIterator.start(listing(path, false), this::located);
  }

  /**
   * The files below {@code path}; recursively from one streamed listing of the whole subtree (which
   * the master syncs as one), instead of one listing per directory.
   */
  @Override
  public RemoteIterator<LocatedFileStatus> listFiles(Path path, boolean recursive)
      throws IOException {
    if (!recursive) {
      return super.listFiles(path, false);
    }
    return new FilesOnly(StatusIterator.start(listing(path, true), this::located));
  }

  private CloseableIterator<io.metasync.client.FileStatus> listing(Path path, boolean recursive) {
    statistics.incrementReadOps(1);
    return client().listStatus(pathOf(path), recursive);
  }

  private LocatedFileStatus located(io.metasync.client.FileStatus status) {
    FileStatus hadoop = toHadoop(status);
    try {
      return new LocatedFileStatus(
          hadoop, hadoop.isFile() ? getFileBlockLocations(hadoop, 0, hadoop.getLen()) : null);
    } catch (IOException e) {
      // FileSystem's block locations are computed locally and never fail for a file
      throw new IllegalStateException(e);
    }
  }

  /** Counts a whole subtree from one streamed recursive listing. */
  @Override
  public ContentSummary getContentSummary(Path path) throws IOException {
    FileStatus root = getFileStatus(path);
    long length = root.isFile() ? root.getLen() : 0;
    long files = root.isFile() ? 1 : 0;
    long directories = root.isFile() ? 0 : 1;
    if (root.isDirectory()) {
      try (StatusIterator<io.metasync.client.FileStatus> entries =
          StatusIterator.start(listing(path, true), status -> status)) {
        while (entries.hasNext()) {
          io.metasync.client.FileStatus entry = entries.next();
          if (entry.isDirectory()) {
            directories++;
          } else {
            files++;
            length += entry.length();
          }
        }
      }
    }
    return new ContentSummary.Builder()
        .length(length)
        .fileCount(files)
        .directoryCount(directories)
        .spaceConsumed(length)
        .build();
  }

  @Override
  public FSDataInputStream open(Path path, int bufferSize) throws IOException {
    statistics.incrementReadOps(1);
    String file = pathOf(path);
    CallOptions call = options.current();
    io.metasync.client.FileStatus status;
    try {
      status = client.withOptions(call).getStatus(file);
    } catch (MetasyncException e) {
      throw HadoopErrors.translate(e);
    }
    if (status.isDirectory()) {
      throw new FileNotFoundException("cannot open " + file + ": it is a directory");
    }
    if (readDirect) {
      try {
        Optional<FSInputStream> direct = directReads.open(status, call);
        if (direct.isPresent()) {
          return new FSDataInputStream(direct.get());
        }
      } catch (FileNotFoundException e) {
        // Gone from the UFS or from the namespace: the master re-syncs on open and says which.
        LOG.debug("{} is not in its UFS as the metadata says; reading through the master", file);
      } catch (IOException e) {
        LOG.debug("cannot read {} from its UFS directly; reading through the master", file, e);
      }
    }
    return new FSDataInputStream(MasterInputStream.open(client, file, call));
  }

  /**
   * Creates a file, and its missing parent directories as HDFS does; with {@code overwrite} an
   * existing file is replaced (an existing directory never is). One call to the master, which
   * checks and acts under its locks; its refusals (an existing entry, a parent that is a file)
   * surface from the stream's {@code write} or {@code close}. The file appears when the stream is
   * closed. Permission, replication and block size are not applied: files get the master's default
   * mode.
   */
  @Override
  public FSDataOutputStream create(
      Path path,
      FsPermission permission,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    return create(path, CreateOptions.hadoop(overwrite));
  }

  /** As {@link #create}, but the parent directory must exist already. */
  @Override
  public FSDataOutputStream createNonRecursive(
      Path path,
      FsPermission permission,
      EnumSet<CreateFlag> flags,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    return create(
        path,
        new CreateOptions(
            flags.contains(CreateFlag.OVERWRITE)
                ? CreateOptions.ExistingEntry.REPLACE_FILE
                : CreateOptions.ExistingEntry.REFUSE,
            CreateOptions.MissingParents.REFUSE));
  }

  private FSDataOutputStream create(Path path, CreateOptions create) throws IOException {
    statistics.incrementWriteOps(1);
    try {
      return new FSDataOutputStream(
          new CreatedFileStream(client().createFile(pathOf(path), create)), statistics);
    } catch (MetasyncException e) {
      throw HadoopErrors.translateCreation(e);
    }
  }

  @Override
  public FSDataOutputStream append(Path path, int bufferSize, Progressable progress) {
    throw new UnsupportedOperationException(
        "cannot append to "
            + path
            + ": metasync creates files whole through the master and does not append");
  }

  /**
   * Creates a directory and its missing parents; true when it exists afterwards. One call to the
   * master, which answers an existing directory as created.
   *
   * @throws FileAlreadyExistsException when a file is at {@code path}
   * @throws ParentNotDirectoryException when an ancestor is a file
   */
  @Override
  public boolean mkdirs(Path path, FsPermission permission) throws IOException {
    statistics.incrementWriteOps(1);
    try {
      client().createDirectory(pathOf(path), true);
      return true;
    } catch (MetasyncException e) {
      throw HadoopErrors.translateCreation(e);
    }
  }

  /**
   * Deletes a file or directory in one call to the master; false when nothing is at {@code path}
   * and for the root, whose children are deleted instead when {@code recursive}, as HDFS does.
   *
   * @throws PathIsNotEmptyDirectoryException for a non-empty directory without {@code recursive}
   */
  @Override
  public boolean delete(Path path, boolean recursive) throws IOException {
    statistics.incrementWriteOps(1);
    String target = pathOf(path);
    if (target.equals("/")) {
      return deleteRoot(recursive);
    }
    try {
      client().delete(target, recursive);
      return true;
    } catch (MetasyncException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return false;
      }
      // the master's refusals share a code: only a failed delete looks again to tell them apart
      if (e.code() == ErrorCode.FAILED_PRECONDITION && !recursive && isNonEmptyDirectory(path)) {
        throw new PathIsNotEmptyDirectoryException(target);
      }
      throw HadoopErrors.translate(e);
    }
  }

  private boolean isNonEmptyDirectory(Path path) throws IOException {
    Optional<io.metasync.client.FileStatus> status = statusOf(pathOf(path));
    return status.isPresent() && status.get().isDirectory() && hasChildren(path);
  }

  /** The root is never deleted (it is a mount point), nor, as in HDFS, are its children. */
  private boolean deleteRoot(boolean recursive) throws IOException {
    if (!recursive && hasChildren(new Path("/"))) {
      throw new PathIsNotEmptyDirectoryException("/");
    }
    return false;
  }

  private boolean hasChildren(Path directory) throws IOException {
    try (StatusIterator<io.metasync.client.FileStatus> entries =
        StatusIterator.start(listing(directory, false), status -> status)) {
      return entries.hasNext();
    }
  }

  /**
   * Renames as HDFS does, in one call to the master checked under its locks: into {@code
   * destination} when it is a directory; false (not an exception) when the source is missing, the
   * destination exists as a file, its parent is missing or a file, or the move would put a
   * directory inside itself.
   */
  @Override
  public boolean rename(Path source, Path destination) throws IOException {
    statistics.incrementWriteOps(1);
    try {
      RenameOutcome outcome = client().renameAsHadoop(pathOf(source), pathOf(destination));
      if (!outcome.isRenamed()) {
        LOG.debug("rename of {} to {} refused: {}", source, destination, outcome.refusal());
      }
      return outcome.isRenamed();
    } catch (MetasyncException e) {
      throw HadoopErrors.translate(e);
    }
  }

  @Override
  public void setPermission(Path path, FsPermission permission) throws IOException {
    statistics.incrementWriteOps(1);
    try {
      client().setMode(pathOf(path), permission.toShort() & 07777);
    } catch (MetasyncException e) {
      throw HadoopErrors.translate(e);
    }
  }

  @Override
  public void setOwner(Path path, String owner, String group) throws IOException {
    statistics.incrementWriteOps(1);
    try {
      client().setOwner(pathOf(path), owner, group);
    } catch (MetasyncException e) {
      throw HadoopErrors.translate(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      if (directReads != null) {
        directReads.close();
      }
      if (client != null) {
        SharedClients.release(client);
        client = null;
      }
    }
  }

  /** The status at {@code path}, empty when nothing is there. */
  private Optional<io.metasync.client.FileStatus> statusOf(String path) throws IOException {
    try {
      return Optional.of(client().getStatus(path));
    } catch (MetasyncException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return Optional.empty();
      }
      throw HadoopErrors.translate(e);
    }
  }

  /** The client with this file system's call options as they are now. */
  private MetasyncClient client() {
    return client.withOptions(options.current());
  }

  private Path absolute(Path path) {
    return path.isAbsolute() ? path : new Path(workingDirectory, path);
  }

  /**
   * The namespace path of a Hadoop path of this file system (relative to the working directory).
   */
  private String pathOf(Path path) {
    checkPath(path);
    String text = absolute(path).toUri().getPath();
    return text.isEmpty() ? "/" : text;
  }

  private FileStatus toHadoop(io.metasync.client.FileStatus status) {
    return new FileStatus(
        status.length(),
        status.isDirectory(),
        1,
        getDefaultBlockSize(new Path(status.path())),
        status.lastModifiedMs(),
        0,
        new FsPermission((short) (status.mode() & 07777)),
        status.owner(),
        status.group(),
        new Path(uri.getScheme(), uri.getAuthority(), status.path()));
  }
}
