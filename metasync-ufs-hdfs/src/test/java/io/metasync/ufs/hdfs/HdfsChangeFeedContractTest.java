package io.metasync.ufs.hdfs;

import static java.util.Objects.requireNonNull;

import io.metasync.ufs.AbstractChangeFeedTest;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.ExternalUfsWriter;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change feed contract on HDFS inotify: one MiniDFSCluster for the class, each test in a fresh
 * folder of it, changed by the superuser's plain Hadoop client behind metasync's back.
 */
class HdfsChangeFeedContractTest extends AbstractChangeFeedTest {
  private static final AtomicInteger folders = new AtomicInteger();

  @TempDir static Path clusterFolder;
  private static MiniHdfs hdfs;
  private String folder;

  @BeforeAll
  static void startCluster() throws IOException {
    hdfs = MiniHdfs.start(clusterFolder);
  }

  @AfterAll
  static void stopCluster() {
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Override
  protected UnderFileSystem newUnderFileSystem() throws IOException {
    folder = "/contract-" + folders.incrementAndGet();
    hdfs.client().mkdirs(new org.apache.hadoop.fs.Path(folder));
    return new HdfsUnderFileSystemFactory().create(hdfs.uri(folder), Map.of());
  }

  @Override
  protected ExternalUfsWriter externalWriter() throws IOException {
    return new HadoopClientWriter(hdfs.client(), folder);
  }

  @Override
  protected ChangeFeed openFeed(UnderFileSystem ufs, FeedCursor resumeFrom) throws IOException {
    return ufs.openChangeFeed(resumeFrom, Duration.ofSeconds(1));
  }

  /** HDFS says what changed: a chmod is a MetadataUpdateEvent of type PERMS. */
  @Override
  protected ChangeKind modeChangeKind() {
    return ChangeKind.METADATA;
  }

  @Override
  protected boolean reportsRenames() {
    return true;
  }

  @Override
  protected boolean reportsOnlyWatchedFolders() {
    return false;
  }

  /** Changes one folder of the cluster with the superuser's Hadoop client. */
  private static final class HadoopClientWriter implements ExternalUfsWriter {
    private final DistributedFileSystem client;
    private final String root;

    HadoopClientWriter(DistributedFileSystem client, String root) {
      this.client = requireNonNull(client, "client is null");
      this.root = requireNonNull(root, "root is null");
    }

    private org.apache.hadoop.fs.Path hadoop(String path) {
      return new org.apache.hadoop.fs.Path(path.equals("/") ? root : root + path);
    }

    @Override
    public void createFile(String path, byte[] bytes) throws IOException {
      try (OutputStream out = client.create(hadoop(path), false)) {
        out.write(bytes);
      }
    }

    @Override
    public void createFolder(String path) throws IOException {
      if (client.exists(hadoop(path)) || !client.mkdirs(hadoop(path))) {
        throw new IOException("could not create the folder " + hadoop(path));
      }
    }

    @Override
    public void append(String path, byte[] bytes) throws IOException {
      try (OutputStream out = client.append(hadoop(path))) {
        out.write(bytes);
      }
    }

    @Override
    public void delete(String path) throws IOException {
      if (!client.delete(hadoop(path), true)) {
        throw new IOException("could not delete " + hadoop(path));
      }
    }

    @Override
    public void rename(String source, String destination) throws IOException {
      if (!client.rename(hadoop(source), hadoop(destination))) {
        throw new IOException("could not rename " + hadoop(source) + " to " + hadoop(destination));
      }
    }

    @Override
    public void setMode(String path, int mode) throws IOException {
      client.setPermission(hadoop(path), new FsPermission((short) mode));
    }
  }
}
