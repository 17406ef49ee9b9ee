package io.metasync.ufs.local;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchKey;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Which folder each {@link WatchKey} of a {@link LocalChangeFeed} stands for, by UFS path, and
 * which folders were asked to be watched. Registering a folder the watch service already follows
 * (the same inode, e.g. after a rename) returns its existing key, which then stands for the new
 * path. Thread-safe: the poller's {@code watch} and the background thread register concurrently.
 */
final class FolderWatches {
  /** Registers one folder with the watch service. */
  @FunctionalInterface
  interface Registration {
    WatchKey register(Path folder) throws IOException;
  }

  private final LocalPaths paths;
  private final Registration registration;
  // Guarded by this.
  private final Map<WatchKey, String> pathsByKey = new HashMap<>();
  private final NavigableMap<String, WatchKey> keysByPath = new TreeMap<>();
  private final Set<String> watchedFolders = new HashSet<>();

  FolderWatches(LocalPaths paths, Registration registration) {
    this.paths = requireNonNull(paths, "paths is null");
    this.registration = requireNonNull(registration, "registration is null");
  }

  synchronized void addWatchedFolder(String path) {
    watchedFolders.add(path);
  }

  /** Forgets a watched folder and cancels the keys that no other watched folder covers. */
  synchronized void removeWatchedFolder(String path) {
    watchedFolders.remove(path);
    for (Map.Entry<String, WatchKey> entry : subtree(path).entrySet()) {
      if (!isCovered(entry.getKey())) {
        cancel(entry.getValue());
      }
    }
  }

  synchronized boolean isWatchedFolder(String path) {
    return watchedFolders.contains(path);
  }

  /** Whether the folder at {@code path} holds a watch now. */
  synchronized boolean hasWatch(String path) {
    return keysByPath.containsKey(path);
  }

  private boolean isCovered(String path) {
    for (String watched : watchedFolders) {
      if (LocalPaths.isAtOrUnder(path, watched)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Registers the folder {@code path} and every folder below it, each before it is listed, so that
   * anything created inside either is listed or causes an event. {@code onEntry} receives every
   * entry below {@code path} (not {@code path} itself). A folder that disappears during the walk is
   * skipped.
   *
   * @throws IOException when a registration fails (the watch limit) or a folder cannot be read
   */
  void registerSubtree(String path, Consumer<String> onEntry) throws IOException {
    Path start = paths.local(path);
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes)
              throws IOException {
            String folderPath = paths.ufs(folder);
            WatchKey key;
            try {
              key = registration.register(folder);
            } catch (NoSuchFileException e) {
              // Deleted since it was seen; its parent's watch reports that.
              return FileVisitResult.SKIP_SUBTREE;
            }
            put(key, folderPath);
            if (!folder.equals(start)) {
              onEntry.accept(folderPath);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            onEntry.accept(paths.ufs(file));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException error) throws IOException {
            if (error instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw error;
          }
        });
  }

  private synchronized void put(WatchKey key, String path) {
    String previous = pathsByKey.put(key, path);
    if (previous != null && keysByPath.get(previous) == key) {
      keysByPath.remove(previous);
    }
    WatchKey replaced = keysByPath.put(path, key);
    if (replaced != null && replaced != key) {
      // Another folder was at this path before (deleted, then created again).
      pathsByKey.remove(replaced);
      replaced.cancel();
    }
  }

  /** The UFS path that {@code key} stands for; null when it was cancelled or forgotten. */
  synchronized String pathOf(WatchKey key) {
    return pathsByKey.get(key);
  }

  /** Forgets a key that is no longer valid and returns the path it stood for, or null. */
  synchronized String forget(WatchKey key) {
    String path = pathsByKey.remove(key);
    if (path != null && keysByPath.get(path) == key) {
      keysByPath.remove(path);
    }
    return path;
  }

  /**
   * Cancels the keys of {@code path} and below: the folder there was deleted or moved away, and a
   * moved folder's watch would go on reporting its changes under the old path.
   */
  synchronized void cancelSubtree(String path) {
    for (WatchKey key : new ArrayList<>(subtree(path).values())) {
      cancel(key);
    }
  }

  synchronized int size() {
    return pathsByKey.size();
  }

  private void cancel(WatchKey key) {
    forget(key);
    key.cancel();
  }

  private Map<String, WatchKey> subtree(String path) {
    Map<String, WatchKey> keys = new TreeMap<>();
    if (path.equals("/")) {
      keys.putAll(keysByPath);
      return keys;
    }
    WatchKey own = keysByPath.get(path);
    if (own != null) {
      keys.put(path, own);
    }
    // Every path below "/a" lies between "/a/" and "/a0" ('0' follows '/').
    keys.putAll(keysByPath.subMap(path + "/", true, path + "0", false));
    return keys;
  }

  /** The keys of {@code path} and below, for tests. */
  synchronized List<String> registeredUnder(String path) {
    return List.copyOf(subtree(path).keySet());
  }
}
