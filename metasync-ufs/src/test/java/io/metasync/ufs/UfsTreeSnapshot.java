package io.metasync.ufs;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every entry of a UFS by path, read through the UFS, to prove that something did not change it.
 */
final class UfsTreeSnapshot {
  private UfsTreeSnapshot() {}

  static Map<String, UfsStatus> of(UnderFileSystem ufs) throws IOException {
    Map<String, UfsStatus> entries = new TreeMap<>();
    Deque<String> folders = new ArrayDeque<>(List.of("/"));
    while (!folders.isEmpty()) {
      String folder = folders.pop();
      try (UfsListing listing = ufs.list(folder)) {
        while (listing.hasNext()) {
          UfsStatus status = listing.next();
          String path = folder.equals("/") ? "/" + status.name() : folder + "/" + status.name();
          entries.put(path, status);
          if (status.isDirectory()) {
            folders.push(path);
          }
        }
      }
    }
    return entries;
  }
}
