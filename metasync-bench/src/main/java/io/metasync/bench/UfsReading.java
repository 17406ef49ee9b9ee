package io.metasync.bench;

import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Reads the fixtures through metasync's own UFS implementation, as a sync does, without the master:
 * what the UFS read costs on its own, to tell it apart from the master's work.
 */
final class UfsReading implements AutoCloseable {
  /** Keeps the JIT from dropping work whose result nobody reads. */
  private static volatile long sink;

  private final UnderFileSystem ufs;

  UfsReading(Path root) throws IOException {
    this.ufs = new UnderFileSystemLoader().open(root.toUri(), Map.of());
  }

  /**
   * Lists {@code path} and, folder by folder, everything below it.
   *
   * @return the number of entries below {@code path}
   */
  long walk(String path) throws IOException {
    long count = 0;
    long hash = 0;
    Deque<String> folders = new ArrayDeque<>();
    folders.push(path);
    while (!folders.isEmpty()) {
      String folder = folders.pop();
      try (UfsListing listing = ufs.list(folder)) {
        while (listing.hasNext()) {
          UfsStatus status = listing.next();
          hash += status.length() + status.owner().length() + status.name().length();
          count++;
          if (status.isDirectory()) {
            folders.push(folder + "/" + status.name());
          }
        }
      }
    }
    sink += hash;
    return count;
  }

  @Override
  public void close() throws IOException {
    ufs.close();
  }
}
