package io.metasync.hadoop;

import io.metasync.client.CallOptions;
import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.client.MountInfo;
import io.metasync.common.MetasyncException;
import io.metasync.common.SyncInterval;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads file bytes from the UFS itself, through Hadoop's own file system for the file's UFS URI
 * ({@code file://}, {@code hdfs://}) configured with the mount's UFS properties, so bytes never
 * pass through the master. Before serving, the UFS file's length and modification time are compared
 * with the metadata the caller was given; when they differ, the master is asked for a fresh
 * (interval 0) status, and if even that disagrees with the UFS the caller reads through the master
 * instead. The UFS file systems are opened once per mount and closed with this object.
 */
final class DirectReads implements Closeable {
  private final MetasyncClient client;
  private final Configuration conf;
  private final Map<String, FileSystem> fileSystems = new HashMap<>();
  private List<MountInfo> mounts = List.of();

  DirectReads(MetasyncClient client, Configuration conf) {
    this.client = client;
    this.conf = conf;
  }

  /**
   * Opens {@code status}'s file in its UFS.
   *
   * @return empty when the UFS file differs from the master's freshest metadata (it is changing
   *     right now): the caller then streams through the master, which re-syncs first
   * @throws IOException when the UFS cannot be reached or read; the caller may fall back
   */
  Optional<FSInputStream> open(FileStatus status, CallOptions options) throws IOException {
    FileSystem ufs = fileSystemFor(status);
    Path ufsPath = new Path(URI.create(status.ufsUri()));
    org.apache.hadoop.fs.FileStatus inUfs = ufs.getFileStatus(ufsPath);
    if (!agrees(status, inUfs)) {
      try {
        status =
            client
                .withOptions(options.withSyncInterval(SyncInterval.ALWAYS))
                .getStatus(status.path());
      } catch (MetasyncException e) {
        throw HadoopErrors.translate(e);
      }
      if (status.isDirectory()) {
        throw new FileNotFoundException(status.path() + " is now a directory, not a file");
      }
      if (!agrees(status, ufs.getFileStatus(ufsPath))) {
        return Optional.empty();
      }
    }
    return Optional.of(new UfsInputStream(ufs.open(ufsPath), status.length(), status.path()));
  }

  private static boolean agrees(FileStatus status, org.apache.hadoop.fs.FileStatus inUfs) {
    return inUfs.isFile()
        && inUfs.getLen() == status.length()
        && inUfs.getModificationTime() == status.lastModifiedMs();
  }

  private synchronized FileSystem fileSystemFor(FileStatus status) throws IOException {
    Optional<MountInfo> mount = mountOf(status);
    if (mount.isEmpty()) {
      // A mount made since the table was fetched: fetch it again, once.
      try {
        mounts = new ArrayList<>(client.mountTable());
      } catch (MetasyncException e) {
        throw HadoopErrors.translate(e);
      }
      mounts.sort(Comparator.comparingInt((MountInfo m) -> m.path().length()).reversed());
      mount = mountOf(status);
    }
    MountInfo found =
        mount.orElseThrow(
            () ->
                new IOException("no mount holds " + status.path() + " (" + status.ufsUri() + ")"));
    String key = found.path() + " " + found.ufsUri();
    FileSystem ufs = fileSystems.get(key);
    if (ufs == null) {
      Configuration ufsConf = new Configuration(conf);
      found.options().forEach(ufsConf::set);
      ufs = FileSystem.newInstance(URI.create(found.ufsUri()), ufsConf);
      fileSystems.put(key, ufs);
    }
    // metasync writes no .crc files: read local files without Hadoop's checksum layer
    return ufs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : ufs;
  }

  /** The deepest mount whose namespace path holds the status and whose UFS URI holds its URI. */
  private Optional<MountInfo> mountOf(FileStatus status) {
    for (MountInfo mount : mounts) {
      boolean underPath =
          mount.path().equals("/")
              || status.path().equals(mount.path())
              || status.path().startsWith(mount.path() + "/");
      if (underPath && status.ufsUri().startsWith(trimSlash(mount.ufsUri()))) {
        return Optional.of(mount);
      }
    }
    return Optional.empty();
  }

  private static String trimSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  @Override
  public synchronized void close() throws IOException {
    IOException first = null;
    for (FileSystem ufs : fileSystems.values()) {
      try {
        ufs.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    fileSystems.clear();
    if (first != null) {
      throw first;
    }
  }
}
