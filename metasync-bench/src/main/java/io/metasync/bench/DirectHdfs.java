package io.metasync.bench;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The baseline of the hdfs scenarios: what a plain Hadoop client does against the NameNode, through
 * one Hadoop {@code FileSystem} (one {@code DFSClient}, one RPC connection), each call delayed by
 * {@link NameNodeLatency} when that is enabled: a {@code getFileStatus} is one call, a listing one
 * per page of {@link NameNodeLatency#PAGE} entries.
 */
final class DirectHdfs implements Closeable {
  /** Keeps the JIT from dropping work whose result nobody reads. */
  private static volatile long sink;

  private final FileSystem fs;
  private final NameNodeLatency latency;

  DirectHdfs(FileSystem fs, NameNodeLatency latency) {
    this.fs = requireNonNull(fs, "fs is null");
    this.latency = requireNonNull(latency, "latency is null");
  }

  NameNodeLatency latency() {
    return latency;
  }

  /** {@code getFileStatus}: one {@code getFileInfo} call. */
  FileStatus getFileStatus(Path path) throws IOException {
    latency.call();
    return fs.getFileStatus(path);
  }

  /**
   * One folder through {@code listStatusIterator}, fully consumed (a page per NameNode call).
   *
   * @return the number of entries
   */
  long listFolder(Path folder) throws IOException {
    latency.call();
    NameNodeLatency.Pages pages = latency.new Pages();
    RemoteIterator<FileStatus> entries = fs.listStatusIterator(folder);
    long count = 0;
    long hash = 0;
    while (entries.hasNext()) {
      pages.beforeEntry();
      FileStatus status = entries.next();
      hash += status.getLen() + status.getModificationTime() + status.getPath().getName().length();
      count++;
    }
    sink += hash;
    return count;
  }

  /**
   * The folder-by-folder walk a Hadoop client does ({@code FileInputFormat}, Hive, Spark's file
   * index on one thread): {@code listStatus} of the folder, then of each subfolder, one after
   * another.
   *
   * @return the number of entries below {@code root}
   */
  long walk(Path root) throws IOException {
    Deque<Path> folders = new ArrayDeque<>();
    folders.push(root);
    long count = 0;
    long hash = 0;
    while (!folders.isEmpty()) {
      Path folder = folders.pop();
      latency.call();
      FileStatus[] entries = fs.listStatus(folder);
      // listStatus reads every page before it returns: the further pages' delays, added after
      for (int page = 1; page * (long) NameNodeLatency.PAGE < entries.length; page++) {
        latency.call();
      }
      for (FileStatus status : entries) {
        hash +=
            status.getLen() + status.getModificationTime() + status.getPath().getName().length();
        count++;
        if (status.isDirectory()) {
          folders.push(status.getPath());
        }
      }
    }
    sink += hash;
    return count;
  }

  @Override
  public void close() throws IOException {
    fs.close();
  }
}
