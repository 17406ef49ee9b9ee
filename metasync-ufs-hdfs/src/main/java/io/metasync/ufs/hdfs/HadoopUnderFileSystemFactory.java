package io.metasync.ufs.hdfs;

import static java.util.Objects.requireNonNull;

import io.metasync.common.CauseChain;
import io.metasync.common.MetasyncException;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemFactory;
import io.metasync.ufs.hdfs.HadoopUnderFileSystem.PathLimits;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Opens URIs of a scheme that a Hadoop {@link FileSystem} on the master's class path serves, as
 * {@link HadoopUnderFileSystem}s, so that users of such a file system keep their Hadoop settings.
 * One subclass per scheme, each listed in {@code META-INF/services}, since the loader maps one
 * scheme to one factory; {@code hdfs}, {@code s3} and {@code file} have native factories and are
 * not among them.
 */
public abstract class HadoopUnderFileSystemFactory implements UnderFileSystemFactory {
  private final String scheme;
  private final PathLimits limits;
  private final String whatToAdd;

  /**
   * @param whatToAdd the jars a user adds to the master's class path when Hadoop knows no file
   *     system for the scheme
   */
  HadoopUnderFileSystemFactory(String scheme, PathLimits limits, String whatToAdd) {
    this.scheme = requireNonNull(scheme, "scheme is null");
    this.limits = requireNonNull(limits, "limits is null");
    this.whatToAdd = requireNonNull(whatToAdd, "whatToAdd is null");
  }

  @Override
  public final String scheme() {
    return scheme;
  }

  /**
   * The Hadoop configuration is what Hadoop reads from the master's class path ({@code
   * core-default.xml}, {@code core-site.xml}) with the mount's options over it, and a umask of 000,
   * since metasync passes every mode itself.
   *
   * @throws FileNotFoundException when the root folder does not exist
   * @throws MetasyncException INVALID_ARGUMENT when no Hadoop file system serves the scheme, or the
   *     root is not a folder
   * @throws IOException when the file system cannot be reached
   */
  @Override
  public final UnderFileSystem create(URI rootUri, Map<String, String> properties)
      throws IOException {
    requireNonNull(rootUri, "rootUri is null");
    requireNonNull(properties, "properties is null");
    Configuration conf = new Configuration();
    conf.set("fs.permissions.umask-mode", "000");
    properties.forEach(conf::set);
    FileSystem fileSystem = open(rootUri, conf);
    UnderFileSystem ufs = new HadoopUnderFileSystem(rootUri, rootPath(rootUri), fileSystem, limits);
    try {
      if (!ufs.getStatus("/").orElseThrow(() -> notFound(rootUri)).isDirectory()) {
        throw MetasyncException.invalidArgument(rootUri + " is a file, not a folder");
      }
    } catch (IOException | RuntimeException e) {
      ufs.close();
      throw e;
    }
    return ufs;
  }

  private FileSystem open(URI rootUri, Configuration conf) throws IOException {
    try {
      FileSystem.getFileSystemClass(scheme, conf);
    } catch (UnsupportedFileSystemException | RuntimeException e) {
      // core-default.xml names classes (fs.s3a.impl, ...) whose jars may be absent: Hadoop then
      // throws a RuntimeException around ClassNotFoundException
      if (e instanceof RuntimeException && !(e.getCause() instanceof ClassNotFoundException)) {
        throw e;
      }
      throw MetasyncException.invalidArgument(
          "cannot mount "
              + rootUri
              + ": no Hadoop file system for "
              + scheme
              + ":// is on the master's class path; add "
              + whatToAdd);
    }
    try {
      // newInstance, not get: Hadoop's cache would share one client between mounts and close it
      // for all of them when one is unmounted
      return FileSystem.newInstance(rootUri, conf);
    } catch (IllegalArgumentException e) {
      throw MetasyncException.invalidArgument(
          "cannot use " + rootUri + ": " + CauseChain.describe(e) + "; check the URI and options");
    }
  }

  private static FileNotFoundException notFound(URI rootUri) {
    return new FileNotFoundException(rootUri + " does not exist");
  }

  private static String rootPath(URI rootUri) {
    String path = rootUri.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return "/";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** HDFS over HTTP, from {@code hadoop-hdfs-client}, which this module brings. */
  public static final class WebHdfs extends HadoopUnderFileSystemFactory {
    public WebHdfs() {
      super("webhdfs", PathLimits.HDFS, "hadoop-hdfs-client");
    }
  }

  /** HDFS over HTTPS, from {@code hadoop-hdfs-client}. */
  public static final class SecureWebHdfs extends HadoopUnderFileSystemFactory {
    public SecureWebHdfs() {
      super("swebhdfs", PathLimits.HDFS, "hadoop-hdfs-client");
    }
  }

  /** Hadoop's S3A; {@code s3://} (metasync-ufs-s3) is the recommended way to S3. */
  public static final class S3a extends HadoopUnderFileSystemFactory {
    public S3a() {
      super("s3a", PathLimits.NONE, "hadoop-aws and the AWS SDK v2 bundle it names");
    }
  }

  /** Azure Data Lake Storage Gen2. */
  public static final class Abfs extends HadoopUnderFileSystemFactory {
    public Abfs() {
      super("abfs", PathLimits.NONE, "hadoop-azure");
    }
  }

  /** Azure Data Lake Storage Gen2 over TLS. */
  public static final class SecureAbfs extends HadoopUnderFileSystemFactory {
    public SecureAbfs() {
      super("abfss", PathLimits.NONE, "hadoop-azure");
    }
  }

  /** Google Cloud Storage. */
  public static final class Gcs extends HadoopUnderFileSystemFactory {
    public Gcs() {
      super("gs", PathLimits.NONE, "Google's gcs-connector (shaded jar)");
    }
  }

  /** Apache Ozone. */
  public static final class Ozone extends HadoopUnderFileSystemFactory {
    public Ozone() {
      super("ofs", PathLimits.NONE, "ozone-filesystem-hadoop3");
    }
  }
}
