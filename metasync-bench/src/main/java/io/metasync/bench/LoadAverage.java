package io.metasync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's one-minute load average, printed beside figures: the machine is shared. */
final class LoadAverage {
  private LoadAverage() {}

  static String now() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }
}
