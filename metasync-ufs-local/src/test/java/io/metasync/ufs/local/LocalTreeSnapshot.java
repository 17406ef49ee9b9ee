package io.metasync.ufs.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every entry below a local folder, read with java.nio without following links: type, mode, owner,
 * group, modification time and the bytes of each file, so that two snapshots are equal only when
 * nothing in the tree changed.
 */
final class LocalTreeSnapshot {
  private static final String ATTRIBUTES = "unix:isDirectory,isSymbolicLink,mode,uid,gid";

  private LocalTreeSnapshot() {}

  static Map<String, String> of(Path folder) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path entry : (Iterable<Path>) walk::iterator) {
        entries.put(folder.relativize(entry).toString(), describe(entry));
      }
    }
    return entries;
  }

  private static String describe(Path entry) throws IOException {
    Map<String, Object> attributes =
        Files.readAttributes(entry, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    String what;
    if ((Boolean) attributes.get("isSymbolicLink")) {
      what = "link to " + Files.readSymbolicLink(entry);
    } else if ((Boolean) attributes.get("isDirectory")) {
      what = "folder";
    } else {
      what = "file " + Arrays.toString(Files.readAllBytes(entry));
    }
    return what
        + " mode "
        + Integer.toOctalString((Integer) attributes.get("mode"))
        + " owner "
        + attributes.get("uid")
        + ":"
        + attributes.get("gid")
        + " modified "
        + Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
  }
}
