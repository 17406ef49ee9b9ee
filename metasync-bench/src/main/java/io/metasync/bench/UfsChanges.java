package io.metasync.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Changes made in a UFS behind metasync's back, by paths relative to the mounted folder, so one
 * active-sync scenario runs against a local folder and against HDFS.
 */
interface UfsChanges {
  void createFolder(String relative) throws IOException;

  void createFile(String relative) throws IOException;

  /** A local folder, changed with {@link Files}. */
  static UfsChanges local(Path root) {
    requireNonNull(root, "root is null");
    return new UfsChanges() {
      @Override
      public void createFolder(String relative) throws IOException {
        Files.createDirectories(root.resolve(relative));
      }

      @Override
      public void createFile(String relative) throws IOException {
        Files.createFile(root.resolve(relative));
      }
    };
  }

  /** An HDFS folder, changed with the Hadoop client: an empty file is a create and a close. */
  static UfsChanges hdfs(DistributedFileSystem fs, String root) {
    requireNonNull(fs, "fs is null");
    requireNonNull(root, "root is null");
    return new UfsChanges() {
      @Override
      public void createFolder(String relative) throws IOException {
        fs.mkdirs(new org.apache.hadoop.fs.Path(root + "/" + relative));
      }

      @Override
      public void createFile(String relative) throws IOException {
        fs.create(new org.apache.hadoop.fs.Path(root + "/" + relative), false).close();
      }
    };
  }
}
