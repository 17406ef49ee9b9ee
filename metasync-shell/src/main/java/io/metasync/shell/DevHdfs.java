package io.metasync.shell;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real single-node HDFS for trying HDFS mounts: one NameNode on a fixed loopback port and one
 * DataNode, keeping their files in one folder. The folder is formatted only when it is empty, so a
 * restart on it finds the files of the last run. The JVM's user is the HDFS superuser.
 *
 * <p>While it runs it holds {@value #LOCK_FILE} in its folder, so a second dev-hdfs on that folder
 * is refused before it builds anything; and no start that fails deletes anything (see {@link
 * FolderKeepingMiniDFSCluster}).
 */
final class DevHdfs implements AutoCloseable {
  /** MiniDFSCluster's layout: the NameNode's image and edits, a second copy, the DataNode's. */
  private static final String NAME_FOLDER = "name-0-1";

  static final String LOCK_FILE = "dev-hdfs.lock";

  private static final Set<String> OWN_ENTRIES = Set.of(NAME_FOLDER, "name-0-2", "data", LOCK_FILE);

  /** Where MiniDFSCluster binds its NameNode. */
  private static final String LOOPBACK = "127.0.0.1";

  private final MiniDFSCluster cluster;
  private final PidLockFile lock;
  private final boolean formatted;

  private DevHdfs(MiniDFSCluster cluster, PidLockFile lock, boolean formatted) {
    this.cluster = requireNonNull(cluster, "cluster is null");
    this.lock = requireNonNull(lock, "lock is null");
    this.formatted = formatted;
  }

  /**
   * Starts HDFS on {@code port} (0: any free one) with its files in {@code folder}.
   *
   * @throws MetasyncException FAILED_PRECONDITION when another dev-hdfs uses the folder;
   *     INVALID_ARGUMENT when it holds files of its own or the port is out of range; UNAVAILABLE
   *     when the port is taken; INTERNAL when HDFS itself fails to start. Whatever fails, the
   *     folder keeps its files.
   */
  static DevHdfs start(int port, Path folder) throws IOException {
    if (port < 0 || port > 65_535) {
      throw MetasyncException.invalidArgument(
          "--port " + port + " is not a port: give one from 1 to 65535 (0: any free one)");
    }
    Path absolute = folder.toAbsolutePath().normalize();
    needsFormat(absolute); // refuses a folder of someone else's files before writing into it
    if (!Files.isDirectory(absolute)) {
      refuseTakenPort(port); // so that a start refused for its port leaves no new folder behind
    }
    PidLockFile lock = lock(absolute);
    MiniDFSCluster cluster = null;
    try {
      refuseTakenPort(port); // again: a folder in use is the better answer where both are taken
      boolean format = needsFormat(absolute);
      Configuration conf = new Configuration();
      conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, absolute.toString());
      cluster =
          new FolderKeepingMiniDFSCluster(
              new MiniDFSCluster.Builder(conf, absolute.toFile())
                  .nameNodePort(port)
                  .numDataNodes(1)
                  .format(format));
      cluster.waitActive();
      return new DevHdfs(cluster, lock, format);
    } catch (IOException | RuntimeException e) {
      RuntimeException failure = startFailure(e, port, absolute);
      try (lock) {
        if (cluster != null) {
          cluster.shutdown();
        }
      } catch (IOException | RuntimeException closing) {
        failure.addSuppressed(closing);
      }
      throw failure;
    }
  }

  private static PidLockFile lock(Path folder) throws IOException {
    Files.createDirectories(folder);
    return PidLockFile.acquire(
        folder.resolve(LOCK_FILE),
        holder ->
            "the folder "
                + folder
                + " is in use by another dev-hdfs ("
                + holder
                + "); stop that one, or choose another folder with --dir");
  }

  URI uri() {
    return URI.create("hdfs://localhost:" + cluster.getNameNodePort() + "/");
  }

  /** Whether this start formatted the folder (it was empty), rather than reopening its files. */
  boolean formatted() {
    return formatted;
  }

  /** Stops the DataNode, then the NameNode, and releases the folder; deletes nothing. */
  @Override
  public void close() throws IOException {
    try {
      cluster.shutdown();
    } finally {
      lock.close();
    }
  }

  private static void refuseTakenPort(int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(LOOPBACK, port));
    } catch (IOException e) {
      throw portTaken(port, e);
    }
  }

  private static MetasyncException portTaken(int port, Exception cause) {
    return new MetasyncException(
        ErrorCode.UNAVAILABLE,
        "cannot listen on "
            + LOOPBACK
            + ":"
            + port
            + ": the port is in use (by another dev-hdfs or NameNode?); choose another with --port",
        cause);
  }

  /**
   * What a failed start reports: refusals as they are, a port taken after the check (a race) as the
   * check would have said, anything else from HDFS in one line.
   */
  private static RuntimeException startFailure(Exception e, int port, Path folder) {
    if (e instanceof MetasyncException refusal) {
      return refusal;
    }
    Throwable root = e;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return portTaken(port, e);
      }
      root = cause;
    }
    return new MetasyncException(
        ErrorCode.INTERNAL,
        "HDFS did not start on "
            + folder
            + " (the folder was left as it was): "
            + root.getMessage(),
        e);
  }

  /**
   * Whether {@code folder} must be formatted: it holds no NameNode image yet. Formatting wipes the
   * folder, so a folder with anything else in it (a mistyped --dir) is refused instead.
   */
  private static boolean needsFormat(Path folder) throws IOException {
    if (Files.exists(folder.resolve(NAME_FOLDER).resolve("current/VERSION"))) {
      return false;
    }
    if (!Files.exists(folder)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      // what an interrupted first start leaves behind
      List<Path> foreign =
          entries.filter(entry -> !OWN_ENTRIES.contains(entry.getFileName().toString())).toList();
      if (!foreign.isEmpty()) {
        throw MetasyncException.invalidArgument(
            "cannot use "
                + folder
                + " for dev-hdfs: it holds files of its own (e.g. "
                + foreign.get(0).getFileName()
                + ") and formatting would delete them; choose an empty or new folder with --dir");
      }
    }
    return true;
  }
}
