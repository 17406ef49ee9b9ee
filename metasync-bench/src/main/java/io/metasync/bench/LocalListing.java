package io.metasync.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The baselines: reading a local folder (or tree) directly with java.nio, every entry with its
 * POSIX attributes (one {@code stat} each: type, length, mtime, mode, uid, gid). Owner and group
 * names are not looked up: {@code PosixFileAttributes.owner()} asks the system's user database on
 * every call (no cache in the JDK), which would more than double the baseline, and a careful client
 * (as {@code ls} does) resolves each uid once. This is the floor any UFS reader pays.
 */
final class LocalListing {
  /** Keeps the JIT from dropping work whose result nobody reads. */
  private static volatile long sink;

  private LocalListing() {}

  /**
   * Lists one folder with attributes.
   *
   * @return the number of entries
   */
  static long listFolder(Path folder) throws IOException {
    long count = 0;
    long hash = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        hash += digest(entry, Files.readAttributes(entry, PosixFileAttributes.class));
        count++;
      }
    }
    sink += hash;
    return count;
  }

  /**
   * Walks a tree folder by folder, reading every entry's attributes, as a client of a UFS with no
   * recursive listing would.
   *
   * @return the number of entries below {@code top}
   */
  static long walkTree(Path top) throws IOException {
    long count = 0;
    long hash = 0;
    Deque<Path> folders = new ArrayDeque<>();
    folders.push(top);
    while (!folders.isEmpty()) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(folders.pop())) {
        for (Path entry : entries) {
          PosixFileAttributes attributes = Files.readAttributes(entry, PosixFileAttributes.class);
          hash += digest(entry, attributes);
          count++;
          if (attributes.isDirectory()) {
            folders.push(entry);
          }
        }
      }
    }
    sink += hash;
    return count;
  }

  private static long digest(Path entry, PosixFileAttributes attributes) {
    int mode = 0;
    for (PosixFilePermission permission : attributes.permissions()) {
      mode |= 1 << permission.ordinal();
    }
    return entry.getFileName().toString().length()
        + (attributes.isDirectory() ? 1 : 0)
        + attributes.size()
        + attributes.lastModifiedTime().toMillis()
        + mode;
  }
}
