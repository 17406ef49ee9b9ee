package io.metasync.shell;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real single-node HDFS for trying HDFS mounts: one NameNode on a fixed loopback port and one
 * DataNode, keeping their files in one folder. The folder is formatted only when it is empty, so a
 * restart on it finds the files of the last run. The JVM's user is the HDFS superuser.
 */
final class DevHdfs implements AutoCloseable {
  private final MiniDFSCluster cluster;
  private final boolean formatted;

  private DevHdfs(MiniDFSCluster cluster, boolean formatted) {
    this.cluster = requireNonNull(cluster, "cluster is null");
    this.formatted = formatted;
  }

  static DevHdfs start(int port, Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath().normalize();
    boolean format = isEmpty(absolute);
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
      cluster.shutdown();
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

  @Override
  public void close() {
    cluster.shutdown();
  }

  private static boolean isEmpty(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }
}
