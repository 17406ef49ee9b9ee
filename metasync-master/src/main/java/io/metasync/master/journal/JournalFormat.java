package io.metasync.master.journal;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The {@code VERSION} file of a journal folder ({@code format=1}): which layout wrote the folder,
 * so that a master refuses a journal written by a newer metasync instead of misreading it.
 */
final class JournalFormat {
  static final int CURRENT = 1;
  static final String FILE = "VERSION";
  private static final String KEY = "format";

  private JournalFormat() {}

  /**
   * Checks the folder's {@code VERSION} file, writing it (fsynced) when the folder has none.
   *
   * @throws MetasyncException FAILED_PRECONDITION naming the folder when it was written by a newer
   *     format, or when its {@code VERSION} file is unreadable
   */
  static void checkOrWrite(Path folder) {
    Path file = folder.resolve(FILE);
    try {
      if (Files.exists(file)) {
        int format = read(folder, file);
        if (format > CURRENT) {
          throw new MetasyncException(
              ErrorCode.FAILED_PRECONDITION,
              "the journal in "
                  + folder
                  + " was written by a newer metasync (format "
                  + format
                  + "); run that version, or wipe it with bin/metasync format");
        }
        return;
      }
      write(folder, file);
    } catch (IOException e) {
      throw new MetasyncException(
          ErrorCode.FAILED_PRECONDITION,
          "cannot use the journal in " + folder + ": " + e + "; check the folder's permissions",
          e);
    }
  }

  private static int read(Path folder, Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    String value = properties.getProperty(KEY, "").strip();
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new MetasyncException(
          ErrorCode.FAILED_PRECONDITION,
          "the journal in "
              + folder
              + " has a damaged "
              + FILE
              + " file (format='"
              + value
              + "'); restore the folder from a backup, or wipe it with bin/metasync format");
    }
  }

  private static void write(Path folder, Path file) throws IOException {
    Path tmp = folder.resolve(FILE + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      out.write((KEY + "=" + CURRENT + "\n").getBytes(StandardCharsets.UTF_8));
    }
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    Fsync.directory(folder);
  }
}
