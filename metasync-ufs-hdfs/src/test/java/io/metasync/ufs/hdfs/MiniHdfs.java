package io.metasync.ufs.hdfs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS in this JVM (one NameNode, one DataNode on loopback) for tests and benchmarks: one
 * per test class, since it takes about three seconds to start. Its NameNode can be stopped and
 * started again on the same port (one below the ephemeral range, so that nothing takes it in
 * between), to show what metasync does while HDFS is down.
 */
public final class MiniHdfs implements AutoCloseable {
  static {
    // The NameNode's WebHDFS (Jersey 1 with JAXB 2.2) builds its WADL with JAXB's bytecode
    // optimizer, which Java 17 refuses (it defines classes in a foreign class loader): every
    // WebHDFS call would answer 500. The plain reflective accessors work.
    System.setProperty("com.sun.xml.bind.v2.bytecode.ClassTailor.noOptimize", "true");
  }

  private final MiniDFSCluster cluster;
  private final int port;

  private MiniHdfs(MiniDFSCluster cluster) {
    this.cluster = requireNonNull(cluster, "cluster is null");
    this.port = cluster.getNameNodePort();
  }

  /** Starts a freshly formatted cluster whose files live under {@code folder}. */
  public static MiniHdfs start(Path folder) throws IOException {
    return start(folder, Map.of());
  }

  /**
   * Starts a freshly formatted cluster whose files live under {@code folder}, with NameNode and
   * DataNode {@code settings} over Hadoop's defaults (say, to make edit logs purge early).
   */
  public static MiniHdfs start(Path folder, Map<String, String> settings) throws IOException {
    return start(folder, settings, true);
  }

  /**
   * Starts a cluster whose files live under {@code folder}: freshly formatted, or, with {@code
   * format} false, with the namespace an earlier cluster left in the same folder (on a new port).
   */
  public static MiniHdfs start(Path folder, boolean format) throws IOException {
    return start(folder, Map.of(), format);
  }

  private static MiniHdfs start(Path folder, Map<String, String> settings, boolean format)
      throws IOException {
    return start(folder, settings, format, PortsBelowEphemeralRange.freePort());
  }

  private static MiniHdfs start(
      Path folder, Map<String, String> settings, boolean format, int nameNodePort)
      throws IOException {
    Configuration conf = new Configuration();
    settings.forEach(conf::set);
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, folder.toAbsolutePath().toString());
    // The NameNode's edits are flushed for real by default; a test has no power cut to survive.
    conf.setBoolean("dfs.namenode.edits.noeditlogchannelflush", true);
    MiniDFSCluster cluster =
        new MiniDFSCluster.Builder(conf, folder.toFile())
            .numDataNodes(1)
            .format(format)
            // startNameNode reuses the port: one from the ephemeral range could be taken meanwhile.
            .nameNodePort(nameNodePort)
            .build();
    cluster.waitActive();
    return new MiniHdfs(cluster);
  }

  /** {@code hdfs://localhost:PORT}, without a path. */
  public URI uri() {
    return URI.create("hdfs://localhost:" + port);
  }

  /** {@code hdfs://localhost:PORT/path}. */
  public URI uri(String path) {
    return URI.create(uri() + path);
  }

  /**
   * {@code webhdfs://localhost:HTTP_PORT/path}: the NameNode's WebHDFS (REST over HTTP) endpoint.
   */
  public URI webHdfsUri(String path) {
    return URI.create(
        "webhdfs://localhost:" + cluster.getNameNode().getHttpAddress().getPort() + path);
  }

  /**
   * A client of the cluster's superuser (the JVM's user), to change HDFS behind metasync's back.
   */
  public DistributedFileSystem client() throws IOException {
    return cluster.getFileSystem();
  }

  /** Stops the NameNode: clients get connection errors until {@link #startNameNode}. */
  public void stopNameNode() {
    cluster.shutdownNameNode(0);
  }

  /** Starts the NameNode again on the same port and waits until it leaves safe mode. */
  public void startNameNode() throws IOException {
    cluster.restartNameNode(0, true);
  }

  /**
   * Stops the DataNode, then the NameNode, and leaves their files for {@link #start(Path, boolean)}
   * to start again. Not {@code MiniDFSCluster.shutdown(false)}: that still schedules the folder's
   * deletion at JVM exit (as {@code DevHdfs} found).
   */
  public void stopKeepingData() {
    cluster.shutdownDataNodes();
    cluster.shutdownNameNodes();
  }

  /**
   * Stops this cluster and starts a freshly formatted one on the same NameNode port, with its files
   * under {@code folder}: a NameNode reformatted behind its clients' backs (a new namespace, its
   * transaction ids starting again from 1).
   */
  public MiniHdfs reformat(Path folder) throws IOException {
    cluster.shutdown(true);
    return start(folder, Map.of(), true, port);
  }

  @Override
  public void close() {
    cluster.shutdown(true);
  }
}
