package io.metasync.ufs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The fingerprints of every entry of one UFS subtree, by UFS path, as one listing found them: what
 * {@link PollingChangeFeed} keeps between listings and compares. Holds fingerprints, not statuses,
 * because a comparison needs nothing else. Immutable.
 */
final class FingerprintTree {
  private final NavigableMap<String, Fingerprint> entries;

  private FingerprintTree(NavigableMap<String, Fingerprint> entries) {
    this.entries = Collections.unmodifiableNavigableMap(entries);
  }

  /**
   * Lists the folder {@code root} and everything below it.
   *
   * @throws FileNotFoundException when {@code root} does not exist
   * @throws NotDirectoryException when {@code root} is a file
   * @throws IOException when the UFS fails, possibly half-way
   */
  static FingerprintTree ofFolder(UnderFileSystem ufs, String root) throws IOException {
    UfsStatus status =
        ufs.getStatus(root)
            .orElseThrow(() -> new FileNotFoundException(ufs.uriOf(root) + " does not exist"));
    if (!status.isDirectory()) {
      throw new NotDirectoryException(ufs.uriOf(root).toString());
    }
    return of(ufs, root);
  }

  /**
   * Lists {@code root} and everything below it; empty when {@code root} no longer exists, since a
   * watched folder may be deleted behind the feed's back.
   *
   * @throws IOException when the UFS fails, possibly half-way: never taken for absence
   */
  static FingerprintTree of(UnderFileSystem ufs, String root) throws IOException {
    NavigableMap<String, Fingerprint> entries = new TreeMap<>();
    UfsStatus rootStatus = ufs.getStatus(root).orElse(null);
    if (rootStatus == null) {
      return new FingerprintTree(entries);
    }
    entries.put(root, rootStatus.fingerprint());
    Deque<String> folders = new ArrayDeque<>();
    if (rootStatus.isDirectory()) {
      folders.push(root);
    }
    while (!folders.isEmpty()) {
      String folder = folders.pop();
      try (UfsListing listing = ufs.list(folder)) {
        while (listing.hasNext()) {
          UfsStatus child = listing.next();
          String path = folder.equals("/") ? "/" + child.name() : folder + "/" + child.name();
          entries.put(path, child.fingerprint());
          if (child.isDirectory()) {
            folders.push(path);
          }
        }
      } catch (FileNotFoundException | NotDirectoryException e) {
        // Deleted or replaced by a file since its parent was listed: what this listing saw of it
        // (a folder, empty) is true for a moment; the next listing finds what replaced it.
      }
    }
    return new FingerprintTree(entries);
  }

  static FingerprintTree empty() {
    return new FingerprintTree(new TreeMap<>());
  }

  int size() {
    return entries.size();
  }

  /**
   * What changed from {@code older} to this tree: deletions first, then creations (a folder before
   * what is inside it), then content and metadata changes. An entry whose type changed is deleted
   * and created. The order of changes within one interval cannot be known from two listings.
   */
  List<ChangeEvent> changesSince(FingerprintTree older) {
    List<ChangeEvent> deletions = new ArrayList<>();
    List<ChangeEvent> creations = new ArrayList<>();
    List<ChangeEvent> updates = new ArrayList<>();
    for (Map.Entry<String, Fingerprint> old : older.entries.entrySet()) {
      String path = old.getKey();
      Fingerprint now = entries.get(path);
      if (now == null) {
        deletions.add(ChangeEvent.of(ChangeKind.DELETE, path));
      } else if (now.type() != old.getValue().type()) {
        deletions.add(ChangeEvent.of(ChangeKind.DELETE, path));
        creations.add(ChangeEvent.of(ChangeKind.CREATE, path));
      } else {
        switch (old.getValue().compare(now)) {
          case NONE -> {}
          case METADATA -> updates.add(ChangeEvent.of(ChangeKind.METADATA, path));
          case CONTENT -> updates.add(ChangeEvent.of(ChangeKind.CONTENT, path));
        }
      }
    }
    for (String path : entries.keySet()) {
      if (!older.entries.containsKey(path)) {
        creations.add(ChangeEvent.of(ChangeKind.CREATE, path));
      }
    }
    List<ChangeEvent> changes = new ArrayList<>(deletions);
    changes.addAll(creations);
    changes.addAll(updates);
    return changes;
  }
}
