package io.metasync.master.journal;

import io.metasync.common.Folders;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files folders of journal snapshots ({@code snapshot.<term>_<index>.files}): deleted with
 * their snapshot, and when a crash left one without its snapshot file.
 */
final class SnapshotFiles {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotFiles.class);
  private static final String SUFFIX = ".files";

  private SnapshotFiles() {}

  /** Deletes every files folder in {@code folder} whose snapshot file is gone. */
  static void deleteOrphans(Path folder) throws IOException {
    try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, "snapshot.*" + SUFFIX)) {
      for (Path files : all) {
        String name = files.getFileName().toString();
        Path snapshot = files.resolveSibling(name.substring(0, name.length() - SUFFIX.length()));
        if (!Files.exists(snapshot)) {
          LOG.info("deleting {}, the files of a journal snapshot that is gone", files);
          Folders.deleteRecursively(files);
        }
      }
    }
  }

  /**
   * Forces every file of a files folder, and the folder, to disk, before the snapshot file that
   * refers to them is moved into place.
   */
  static void sync(Path files) throws IOException {
    if (!Files.isDirectory(files)) {
      return;
    }
    try (DirectoryStream<Path> all = Files.newDirectoryStream(files)) {
      for (Path file : all) {
        if (Files.isRegularFile(file)) {
          try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
          }
        }
      }
    }
    Fsync.directory(files);
  }
}
