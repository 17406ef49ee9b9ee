package io.metasync.ufs.local;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;

/**
 * Turns the JDK's terse inotify limit errors into messages that name the Linux setting and say what
 * to do.
 */
final class WatchLimits {
  // The JDK's LinuxWatchService messages for ENOSPC and EMFILE.
  private static final String WATCH_LIMIT = "inotify watches";
  private static final String INSTANCE_LIMIT = "inotify instances";
  private static final Path MAX_USER_WATCHES = Path.of("/proc/sys/fs/inotify/max_user_watches");
  private static final Path MAX_USER_INSTANCES = Path.of("/proc/sys/fs/inotify/max_user_instances");

  private final String ufs;

  WatchLimits(String ufs) {
    this.ufs = requireNonNull(ufs, "ufs is null");
  }

  WatchService newWatchService(FileSystem fileSystem) throws IOException {
    try {
      return fileSystem.newWatchService();
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains(INSTANCE_LIMIT)) {
        throw e;
      }
      throw new IOException(
          "cannot follow changes in "
              + ufs
              + ": this user has used up its inotify instances (fs.inotify.max_user_instances = "
              + current(MAX_USER_INSTANCES)
              + ", one per change feed and per other program that watches files); raise it,"
              + " e.g. 'sudo sysctl fs.inotify.max_user_instances=1024', or stop other watchers",
          e);
    }
  }

  /** {@code error} from registering folders below {@code folder}, explained when it is a limit. */
  IOException explain(IOException error, String folder, int watchesHeld) {
    if (!String.valueOf(error.getMessage()).contains(WATCH_LIMIT)) {
      return error;
    }
    return new IOException(
        "cannot watch "
            + folder
            + ": the inotify watch limit is reached (fs.inotify.max_user_watches = "
            + current(MAX_USER_WATCHES)
            + ", shared by every process of this user; this feed holds "
            + watchesHeld
            + ", one per folder); raise it, e.g. 'sudo sysctl fs.inotify.max_user_watches=524288'"
            + " (and in /etc/sysctl.conf to keep it), or watch fewer folders",
        error);
  }

  private static String current(Path setting) {
    try {
      // readAllBytes: Files.readString of a /proc file returns one byte on JDK 17.
      return new String(Files.readAllBytes(setting), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
