package io.metasync.ufs.hdfs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a folder listed in HDFS's order (UTF-8 bytes compared as signed bytes, see {@link
 * NameClass}) and returns its entries in {@link String#compareTo} order, which the master merges
 * with its cache, without holding the folder in memory.
 *
 * <p>The two orders differ only inside a <em>group</em>: the names that share a prefix and continue
 * with characters of classes that the orders rank differently (ASCII and non-ASCII, or
 * U+E000..U+FFFF and supplementary characters). Such a group is contiguous in HDFS's order, so it
 * is read again as one segment per class, in String order, each starting from a name that HDFS
 * sorts just before the segment; groups inside a segment are handled the same way, one level
 * deeper. A folder of ASCII names (the usual case) is read page by page with no extra call; a group
 * costs a few calls, and memory is one page per level of nesting.
 *
 * <p>Memory is bounded whatever the width of the folder: one page ({@code dfs.ls.limit} entries)
 * per level, levels nest at most once per byte of a name (HDFS refuses names longer than {@code
 * dfs.namenode.fs-limits.max-component-length}, 255 bytes by default), and at most {@value
 * #REMEMBERED_GROUPS} group decisions are remembered. A level is read from its own cursor, so a
 * wide group costs extra listing calls (time), never memory.
 *
 * <p>Whether a group needs this is decided from the page in memory when the group ends there, else
 * by asking for the first name of the classes that matter. A name that still arrives out of order
 * (the folder changed while it was read) fails the listing rather than confuse a merge.
 */
final class StringOrderListing<T> {
  private static final int REMEMBERED_GROUPS = 4096;

  private final ListingPages<T> pages;
  private final Deque<Level<T>> levels = new ArrayDeque<>();
  private final Map<String, Boolean> groupNeedsReordering =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_GROUPS;
        }
      };
  private String lastName;

  StringOrderListing(ListingPages<T> pages) {
    this.pages = requireNonNull(pages, "pages is null");
    levels.push(new Level<>(null, new PageCursor<>(pages, new byte[0])));
  }

  /**
   * The next entry in String order, or null after the last.
   *
   * @throws IOException when HDFS fails, or the folder changed so that names arrive out of order
   */
  ListingPages.Entry<T> next() throws IOException {
    while (true) {
      Level<T> level = levels.peek();
      ListingPages.Entry<T> entry = level.cursor.peek();
      if (entry == null || !level.holds(entry)) {
        if (level.prefix == null) {
          return null;
        }
        if (level.startNextSegment(pages)) {
          continue;
        }
        levels.pop();
        // the group's names follow in the parent's reading; they have all been returned
        levels.peek().cursor.skipPrefix(level.prefix);
        continue;
      }
      byte[] group = groupToReorder(entry.name(), level);
      if (group != null) {
        Level<T> groupLevel = new Level<>(group, null);
        groupLevel.startNextSegment(pages);
        levels.push(groupLevel);
        continue;
      }
      return checkedInOrder(level.cursor.next());
    }
  }

  /** The shortest prefix of {@code name} that starts a group needing reordering, or null. */
  private byte[] groupToReorder(byte[] name, Level<T> level) throws IOException {
    for (int at = level.firstUnorderedPosition(); at < name.length; at++) {
      byte b = name[at];
      // An ASCII character is last in HDFS's order: had its group other classes, they came first.
      if (b >= 0 || !NameClass.startsCharacter(b)) {
        continue;
      }
      byte[] prefix = Arrays.copyOf(name, at);
      String key = new String(prefix, ISO_8859_1);
      Boolean needed = groupNeedsReordering.get(key);
      if (needed == null) {
        needed = needsReordering(prefix, NameClass.of(b), level.cursor);
        groupNeedsReordering.put(key, needed);
      }
      if (needed) {
        return prefix;
      }
    }
    return null;
  }

  private boolean needsReordering(byte[] prefix, NameClass first, PageCursor<T> cursor)
      throws IOException {
    Set<NameClass> classes = EnumSet.of(first);
    boolean groupEndsInPage = false;
    for (ListingPages.Entry<T> entry : cursor.buffered()) {
      if (!PageCursor.startsWith(entry.name(), prefix)) {
        groupEndsInPage = true;
        break;
      }
      if (entry.name().length > prefix.length) {
        classes.add(NameClass.of(entry.name()[prefix.length]));
      }
    }
    if (groupEndsInPage || !cursor.hasMore()) {
      return misordered(classes);
    }
    for (NameClass probed :
        new NameClass[] {NameClass.ASCII, NameClass.SUPPLEMENTARY, NameClass.HIGH_BMP}) {
      if (misordered(classes)) {
        return true;
      }
      if (!classes.contains(probed) && hasSegment(prefix, probed)) {
        classes.add(probed);
      }
    }
    return misordered(classes);
  }

  private static boolean misordered(Set<NameClass> classes) {
    return (classes.contains(NameClass.ASCII) && classes.size() > 1)
        || (classes.contains(NameClass.SUPPLEMENTARY) && classes.contains(NameClass.HIGH_BMP));
  }

  private boolean hasSegment(byte[] prefix, NameClass nameClass) throws IOException {
    ListingPages.Entry<T> first = new PageCursor<>(pages, nameClass.segmentStart(prefix)).peek();
    return first != null
        && PageCursor.startsWith(first.name(), prefix)
        && first.name().length > prefix.length
        && NameClass.of(first.name()[prefix.length]) == nameClass;
  }

  private ListingPages.Entry<T> checkedInOrder(ListingPages.Entry<T> entry) throws IOException {
    String name = new String(entry.name(), UTF_8);
    if (lastName != null && lastName.compareTo(name) >= 0) {
      throw new IOException(
          "the folder changed while it was listed ('"
              + name
              + "' came after '"
              + lastName
              + "'); list it again");
    }
    lastName = name;
    return entry;
  }

  /**
   * The whole folder (prefix null), or one group read segment by segment: the names that start with
   * {@code prefix} and continue with a character of {@code segment}.
   */
  private static final class Level<T> {
    final byte[] prefix;
    PageCursor<T> cursor;
    private int nextSegment;
    private NameClass segment;

    Level(byte[] prefix, PageCursor<T> cursor) {
      this.prefix = prefix;
      this.cursor = cursor;
    }

    /** Moves to the next segment in String order; false after the last. */
    boolean startNextSegment(ListingPages<T> pages) {
      NameClass[] segments = NameClass.values();
      if (nextSegment == segments.length) {
        return false;
      }
      segment = segments[nextSegment++];
      cursor = new PageCursor<>(pages, segment.segmentStart(prefix));
      return true;
    }

    boolean holds(ListingPages.Entry<T> entry) {
      byte[] name = entry.name();
      return prefix == null
          || (PageCursor.startsWith(name, prefix)
              && name.length > prefix.length
              && NameClass.of(name[prefix.length]) == segment);
    }

    /** Where a group inside this level may start: after the prefix and its segment's character. */
    int firstUnorderedPosition() {
      return prefix == null ? 0 : prefix.length + 1;
    }
  }
}
