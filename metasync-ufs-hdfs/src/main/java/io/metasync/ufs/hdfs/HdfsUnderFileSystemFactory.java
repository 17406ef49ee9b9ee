package io.metasync.ufs.hdfs;

import static java.util.Objects.requireNonNull;

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
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;

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
   * @throws FileNotFoundException naming the URI when the folder does not exist
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
    DistributedFileSystem hdfs = connect(rootUri, HdfsClientConfiguration.forMount(properties));
    try {
      HdfsFileStatus root = hdfs.getClient().getFileInfo(rootPath);
      if (root == null) {
        throw new FileNotFoundException(rootUri + " does not exist");
      }
    } catch (IOException e) {
      hdfs.close();
      if (e instanceof FileNotFoundException) {
        throw e;
      }
      throw new IOException(
          "cannot reach the HDFS NameNode "
              + rootUri.getAuthority()
              + ": "
              + HdfsErrors.translate(e, rootUri).getMessage(),
          e);
    }
    return new HdfsUnderFileSystem(rootUri, rootPath, hdfs);
  }

  private static DistributedFileSystem connect(URI rootUri, Configuration conf) throws IOException {
    URI clusterUri = URI.create("hdfs://" + rootUri.getRawAuthority() + "/");
    FileSystem fileSystem;
    try {
      // newInstance, not get: Hadoop's cache would share one client between mounts and close it
      // for all of them when one is unmounted
      fileSystem = FileSystem.newInstance(clusterUri, conf);
    } catch (IllegalArgumentException e) {
      // an unknown host or name service, or a bad option value
      throw MetasyncException.invalidArgument("cannot use " + rootUri + ": " + e.getMessage());
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
