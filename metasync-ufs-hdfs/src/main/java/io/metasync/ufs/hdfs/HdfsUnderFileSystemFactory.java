package io.metasync.ufs.hdfs;

import static java.util.Objects.requireNonNull;

import io.metasync.common.CauseChain;
import io.metasync.common.MetasyncException;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemFactory;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Opens {@code hdfs://authority/path} URIs as under file systems: the authority is a NameNode's
 * {@code host:port} or an HA name service described by the mount's {@code dfs.*} options.
 */
public final class HdfsUnderFileSystemFactory implements UnderFileSystemFactory {
  @Override
  public String scheme() {
    return "hdfs";
  }

  /**
   * Asks the NameNode for the root folder first with short timeouts ({@link NameNodeProbe}), then
   * opens the mount's own client.
   *
   * @throws FileNotFoundException naming the URI when the folder does not exist
   * @throws io.metasync.ufs.UfsRefusedException WRONG_SERVER when what answers at the URI's address
   *     is not a NameNode
   * @throws IOException naming the NameNode when it cannot be reached or refuses the client
   * @throws MetasyncException INVALID_ARGUMENT when the URI has no authority or an option is bad
   */
  @Override
  public UnderFileSystem create(URI rootUri, Map<String, String> properties) throws IOException {
    requireNonNull(rootUri, "rootUri is null");
    requireNonNull(properties, "properties is null");
    if (rootUri.getAuthority() == null) {
      throw MetasyncException.invalidArgument(
          "'" + rootUri + "' names no NameNode (use hdfs://host:port/path)");
    }
    String rootPath = rootPath(rootUri);
    NameNodeProbe.check(rootUri, rootPath, HdfsClientConfiguration.forProbe(properties));
    return new HdfsUnderFileSystem(
        rootUri, rootPath, connect(rootUri, HdfsClientConfiguration.forMount(properties)));
  }

  static DistributedFileSystem connect(URI rootUri, Configuration conf) throws IOException {
    URI clusterUri = URI.create("hdfs://" + rootUri.getRawAuthority() + "/");
    FileSystem fileSystem;
    try {
      // newInstance, not get: Hadoop's cache would share one client between mounts and close it
      // for all of them when one is unmounted
      fileSystem = FileSystem.newInstance(clusterUri, conf);
    } catch (IllegalArgumentException e) {
      // an unknown host or name service, or a bad option value
      throw MetasyncException.invalidArgument(
          "cannot use " + rootUri + ": " + CauseChain.describe(e) + "; check the URI and options");
    }
    if (fileSystem instanceof DistributedFileSystem hdfs) {
      return hdfs;
    }
    String type = fileSystem.getClass().getName();
    fileSystem.close();
    throw MetasyncException.invalidArgument(
        "cannot use " + rootUri + ": fs.hdfs.impl is " + type + ", not HDFS's own client");
  }

  private static String rootPath(URI rootUri) {
    String path = rootUri.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return "/";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
