package io.metasync.master.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forcing files and folders to disk, so that a rename survives a power cut. */
final class Fsync {
  private Fsync() {}

  /**
   * Forces a folder's entries (a rename or a new file in it) to disk, (Linux and macOS allow
   * opening a folder for this).
   */
  static void directory(Path folder) throws IOException {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
