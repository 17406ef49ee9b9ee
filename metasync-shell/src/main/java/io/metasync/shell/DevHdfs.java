package io.metasync.shell;

import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncException;
import java.io.IOException;
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
 */
final class DevHdfs implements AutoCloseable {
  /** MiniDFSCluster's layout: the NameNode's image and edits, a second copy, the DataNode's. */
  private static final String NAME_FOLDER = "name-0-1";

  private static final Set<String> OWN_ENTRIES = Set.of(NAME_FOLDER, "name-0-2", "data");

  private final MiniDFSCluster cluster;
  private final boolean formatted;

  private DevHdfs(MiniDFSCluster cluster, boolean formatted) {
    this.cluster = requireNonNull(cluster, "cluster is null");
    this.formatted = formatted;
  }

  static DevHdfs start(int port, Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath().normalize();
    boolean format = needsFormat(absolute);
    Files.createDirectories(absolute);
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, absolute.toString());
    MiniDFSCluster cluster =
        new MiniDFSCluster.Builder(conf, absolute.toFile())
            .nameNodePort(port)
            .numDataNodes(1)
            .format(format)
            .build();
    try {
      cluster.waitActive();
    } catch (IOException | RuntimeException e) {
      new DevHdfs(cluster, format).close();
      throw e;
    }
    return new DevHdfs(cluster, format);
  }

  URI uri() {
    return URI.create("hdfs://localhost:" + cluster.getNameNodePort() + "/");
  }

  /** Whether this start formatted the folder (it was empty), rather than reopening its files. */
  boolean formatted() {
    return formatted;
  }

  /**
   * Stops the DataNode, then the NameNode. Not {@code MiniDFSCluster.shutdown()}: even when told to
   * keep its folder, that schedules the folder's deletion at JVM exit, and the next start would
   * find nothing.
   */
  @Override
  public void close() {
    cluster.shutdownDataNodes();
    cluster.shutdownNameNodes();
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
