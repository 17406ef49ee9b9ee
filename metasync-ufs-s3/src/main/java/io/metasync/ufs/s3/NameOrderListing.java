package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an S3 folder in S3's order ({@link CodePointOrder}, a folder standing at {@code name/}) and
 * returns its entries in {@link String#compareTo} order, as the UFS contract demands.
 *
 * <p>The orders differ in two ways. A folder {@code p} comes after every name that continues {@code
 * p} with a character below {@code /} ({@code p-1}, {@code p.txt}, {@code p 2}), though it belongs
 * before them: so an entry waits in a buffer while such a folder may still come. Once the buffer
 * holds {@code pageSize} entries, the listing asks S3 whether the folder exists instead of reading
 * on, so a folder of a million {@code part-*} files beside no folder {@code part} costs a request
 * per page, never memory. And names that differ first at a character above U+FFFF and one of
 * U+E000..U+FFFF come in the other order: those wait until S3's order has passed their common
 * prefix, so memory grows with the number of such names in one folder (rare: private-use,
 * compatibility and half-width forms beside emoji or rare CJK).
 *
 * <p>A key that is also a folder ({@code x} beside {@code x/...}) is the file, as {@code getStatus}
 * says. Entries repeated on a later page (some servers repeat common prefixes) are skipped. A name
 * that still arrives out of order (the folder changed while it was read) fails the listing rather
 * than confuse a merge.
 */
final class NameOrderListing implements UfsListing {
  private static final int REMEMBERED_PROBES = 4096;

  private final FolderPages pages;
  private final int pageSize;
  private final TreeMap<String, UfsStatus> pending = new TreeMap<>();
  // Files read whose twin folder (name/) S3 has not reached yet: each is a prefix of the next.
  private final Deque<String> filesBeforeTwin = new ArrayDeque<>();
  // Folders returned or buffered early after a probe, to skip when S3's order reaches them.
  private final Set<String> foldersAhead = new HashSet<>();
  private final Map<String, Boolean> probed =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_PROBES;
        }
      };
  private Iterator<UfsStatus> page;
  private String nextToken;
  private boolean lastPageRead;
  private String position;
  private String lastReturned;
  private UfsStatus next;

  /**
   * @param firstPage the first page of {@code pages}, already read
   * @param pageSize how many entries may wait before the listing asks S3 instead of reading on
   */
  NameOrderListing(FolderPages pages, FolderPages.Page firstPage, int pageSize) {
    this.pages = requireNonNull(pages, "pages is null");
    this.pageSize = pageSize;
    accept(requireNonNull(firstPage, "firstPage is null"));
  }

  @Override
  public boolean hasNext() throws IOException {
    if (next == null) {
      next = computeNext();
    }
    return next != null;
  }

  @Override
  public UfsStatus next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("the listing has no more entries");
    }
    UfsStatus entry = next;
    next = null;
    return entry;
  }

  @Override
  public void close() {
    pending.clear();
    page = null;
  }

  private UfsStatus computeNext() throws IOException {
    while (true) {
      if (pending.isEmpty()) {
        if (!readOne()) {
          return null;
        }
        continue;
      }
      String first = pending.firstKey();
      Blocker blocker = lastPageRead && !page.hasNext() ? null : blockerOf(first);
      if (blocker == null) {
        return checkedInOrder(pending.pollFirstEntry().getValue());
      }
      if (blocker.folder() && pending.size() >= pageSize) {
        probe(blocker.prefix());
      } else {
        readOne();
      }
    }
  }

  /**
   * What may still arrive with a name before {@code name}: the shortest folder {@code p} where
   * {@code name} continues {@code p} with a character below {@code /} and S3 has not reached {@code
   * p/}, or the shortest group of names before a character in U+E000..U+FFFF that S3 has not
   * passed.
   */
  private Blocker blockerOf(String name) {
    for (int at = 1; at < name.length(); at++) {
      char c = name.charAt(at);
      String prefix = name.substring(0, at);
      if (c < '/' && !probed.containsKey(prefix) && !reached(prefix + "/")) {
        return new Blocker(prefix, true);
      }
      if (c >= '\uE000' && !passedGroup(prefix)) {
        return new Blocker(prefix, false);
      }
    }
    return null;
  }

  private boolean reached(String sortKey) {
    return position != null && CodePointOrder.compare(position, sortKey) >= 0;
  }

  private boolean passedGroup(String prefix) {
    return position != null
        && CodePointOrder.compare(position, prefix) > 0
        && !position.startsWith(prefix);
  }

  private void probe(String folder) throws IOException {
    Optional<UfsStatus> found = pages.folder(folder);
    probed.put(folder, found.isPresent());
    if (found.isPresent() && !filesBeforeTwin.contains(folder) && foldersAhead.add(folder)) {
      pending.put(folder, found.get());
    }
  }

  /** Reads one entry in S3's order into the buffer; false at the end of the folder. */
  private boolean readOne() throws IOException {
    while (!page.hasNext()) {
      if (lastPageRead) {
        return false;
      }
      accept(pages.page(nextToken));
    }
    UfsStatus entry = page.next();
    String sortKey = CodePointOrder.sortKey(entry.name(), entry.isDirectory());
    if (position != null && CodePointOrder.compare(sortKey, position) <= 0) {
      return true; // repeated on a later page
    }
    position = sortKey;
    // a file's twin folder is the entry at exactly name/: drop the file only once S3 is past it
    while (!filesBeforeTwin.isEmpty()
        && CodePointOrder.compare(sortKey, filesBeforeTwin.peek() + "/") > 0) {
      filesBeforeTwin.pop();
    }
    if (entry.isDirectory()) {
      boolean shadowed = entry.name().equals(filesBeforeTwin.peek());
      if (!shadowed && !foldersAhead.remove(entry.name())) {
        pending.put(entry.name(), entry);
      }
    } else {
      filesBeforeTwin.push(entry.name());
      pending.put(entry.name(), entry);
    }
    return true;
  }

  private void accept(FolderPages.Page read) {
    page = read.entries().iterator();
    nextToken = read.nextToken();
    lastPageRead = nextToken == null;
  }

  private UfsStatus checkedInOrder(UfsStatus entry) throws IOException {
    if (lastReturned != null && lastReturned.compareTo(entry.name()) >= 0) {
      throw new IOException(
          "the folder changed while it was listed ('"
              + entry.name()
              + "' came after '"
              + lastReturned
              + "'); list it again");
    }
    lastReturned = entry.name();
    return entry;
  }

  /** A prefix whose entries may still come: a folder's, or a group's (see {@link #blockerOf}). */
  private record Blocker(String prefix, boolean folder) {}
}
