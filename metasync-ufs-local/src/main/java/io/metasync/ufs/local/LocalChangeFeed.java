package io.metasync.ufs.local;

import static io.metasync.common.Preconditions.checkState;
import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static java.util.Objects.requireNonNull;

import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.FeedCursor;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed of a local folder: Linux inotify through Java's {@link WatchService}, which is
 * not recursive, so every folder of each watched subtree is registered, and each new folder as it
 * appears. A folder that arrives with contents (moved in, or filled before its registration) is
 * listed after it is registered and everything in it reported as CREATE, so nothing is missed. A
 * background thread drains the watch service promptly (the JDK keeps at most 512 pending events per
 * folder, then drops them for one OVERFLOW) into a bounded queue.
 *
 * <p>Events: a new entry is CREATE, a removed one DELETE, and a written or attribute-changed one
 * CONTENT: the watch service maps both inotify's IN_MODIFY and IN_ATTRIB to ENTRY_MODIFY, so a
 * chmod, chown or touch cannot be told from a write, and METADATA is never reported. A rename is
 * DELETE of the old path and CREATE of the new one. An OVERFLOW, a full queue or a folder that
 * could not be registered is reported as lost events.
 *
 * <p>What it cannot see: changes to a watched folder's own attributes (the watch service drops
 * inotify events about the watched folder itself; its deletion is reported as DELETE when its watch
 * ends); writes through mmap; changes made on another machine to a network file system (NFS, SMB,
 * FUSE); changes below a symbolic link to a folder (links are not followed when registering, though
 * the UFS follows them when listing); an entry created and deleted again before a new folder's
 * listing reaches it (harmless: it is gone).
 *
 * <p>A watched folder that is replaced (deleted or moved away, and another folder put at its path)
 * is registered again and reported as lost events, so its sync point is synced whole; while nothing
 * is at its path, {@link #poll} fails, so that the feed shows as failing rather than quietly
 * reporting nothing.
 *
 * <p>The cursor is a time mark. Events are not kept anywhere, so a feed resumed from a cursor
 * (after a restart) cannot know what changed meanwhile: its first batch reports lost events, and
 * the folders it watches must be synced whole.
 */
final class LocalChangeFeed implements ChangeFeed {
  private static final Logger LOG = LoggerFactory.getLogger(LocalChangeFeed.class);
  private static final String CURSOR_PREFIX = "local-time-ms:";
  static final int DEFAULT_QUEUE_CAPACITY = 100_000;

  private final LocalPaths paths;
  private final WatchService watchService;
  private final FolderWatches watches;
  private final ChangeEventQueue queue;
  private final Clock clock;
  private final WatchLimits limits;
  private final CountDownLatch drainStopped = new CountDownLatch(1);
  private volatile boolean drainStarted;
  private volatile RuntimeException drainFailure;
  private volatile boolean closed;
  private volatile FeedCursor cursor;
  // Each watched folder's file key (device and inode) when it was registered: a folder that has
  // another key now was replaced. Written by watch() on callers' threads, read by the poller.
  private final Map<String, Object> watchedFolderKeys = new ConcurrentHashMap<>();

  /**
   * @param registration how a folder is registered with {@code watchService} (tests make it fail)
   * @param drainExecutor runs the thread that drains {@code watchService} until it is closed
   */
  LocalChangeFeed(
      LocalPaths paths,
      WatchService watchService,
      FolderWatches.Registration registration,
      FeedCursor resumeFrom,
      int queueCapacity,
      Clock clock,
      WatchLimits limits,
      Executor drainExecutor) {
    this.paths = requireNonNull(paths, "paths is null");
    this.watchService = requireNonNull(watchService, "watchService is null");
    this.watches = new FolderWatches(paths, registration);
    this.queue = new ChangeEventQueue(queueCapacity);
    this.clock = requireNonNull(clock, "clock is null");
    this.limits = requireNonNull(limits, "limits is null");
    this.cursor = cursorAt(clock.millis());
    if (resumeFrom != null) {
      queue.markLost();
    }
    drainExecutor.execute(this::drain);
  }

  /** Opens a feed on the folder {@code root} with its own watch service and drain thread. */
  static LocalChangeFeed open(Path root, FeedCursor resumeFrom, Clock clock) throws IOException {
    WatchLimits limits = new WatchLimits(root.toUri().toString());
    WatchService watchService = limits.newWatchService(root.getFileSystem());
    return new LocalChangeFeed(
        new LocalPaths(root),
        watchService,
        folder -> folder.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY),
        resumeFrom,
        DEFAULT_QUEUE_CAPACITY,
        clock,
        limits,
        drain -> {
          Thread thread = new Thread(drain, "metasync-local-change-feed " + root);
          thread.setDaemon(true);
          thread.start();
        });
  }

  /**
   * Registers every folder of {@code path}'s subtree: one inotify watch each.
   *
   * @throws FileNotFoundException when {@code path} does not exist
   * @throws NotDirectoryException when {@code path} is a file
   * @throws IOException naming {@code fs.inotify.max_user_watches} when the watch limit is reached;
   *     the folders registered so far are then unregistered
   */
  @Override
  public void watch(String path) throws IOException {
    checkState(!closed, "the change feed of %s is closed", paths.root());
    Path folder = paths.local(path);
    if (!Files.exists(folder)) {
      throw new FileNotFoundException(folder.toUri() + " does not exist");
    }
    if (!Files.isDirectory(folder)) {
      throw new NotDirectoryException(folder.toUri().toString());
    }
    watches.addWatchedFolder(path);
    Object key = fileKey(folder);
    try {
      watches.registerSubtree(path, entry -> {});
    } catch (IOException e) {
      watches.removeWatchedFolder(path);
      throw limits.explain(e, folder.toUri().toString(), watches.size());
    }
    watchedFolderKeys.put(path, key);
  }

  @Override
  public void unwatch(String path) {
    watchedFolderKeys.remove(requireNonNull(path, "path is null"));
    watches.removeWatchedFolder(path);
  }

  /**
   * @throws IOException when the drain thread died; nothing is followed any more
   */
  @Override
  public ChangeBatch poll(Duration timeout) throws IOException, InterruptedException {
    checkState(!closed, "the change feed of %s is closed", paths.root());
    if (drainFailure != null) {
      throw new IOException(
          "the change feed of " + paths.root().toUri() + " stopped; open a new one", drainFailure);
    }
    String gone = followReplacedFolders();
    // The events that came before a folder went (its own DELETE among them) are delivered first;
    // the kernel may hand them to the drain thread a moment after the folder is seen gone, so the
    // poll waits for them as for any event before it reports the folder as gone.
    ChangeEventQueue.Taken taken = queue.takeAll(timeout);
    if (gone != null && taken.events().isEmpty() && !taken.eventsLost()) {
      throw new IOException(
          "the watched folder "
              + paths.local(gone).toUri()
              + " is gone (deleted or moved away); its changes are followed again when a folder"
              + " is back at that path");
    }
    cursor = cursorAt(clock.millis());
    return new ChangeBatch(taken.events(), taken.eventsLost(), cursor);
  }

  /**
   * Registers again a watched folder that was replaced (its watch ended, or another folder is at
   * its path), reporting lost events because what happened in it meanwhile is unknown.
   *
   * @return a watched folder that is gone, or null
   * @throws IOException when a replaced folder cannot be registered again
   */
  private String followReplacedFolders() throws IOException {
    String gone = null;
    for (Map.Entry<String, Object> watched : watchedFolderKeys.entrySet()) {
      String path = watched.getKey();
      Path folder = paths.local(path);
      Object key = fileKey(folder);
      if (key == null) {
        gone = path;
      } else if (!key.equals(watched.getValue()) || !watches.hasWatch(path)) {
        watches.cancelSubtree(path);
        try {
          watches.registerSubtree(path, entry -> {});
        } catch (IOException e) {
          throw limits.explain(e, folder.toUri().toString(), watches.size());
        }
        watched.setValue(key);
        queue.markLost();
        LOG.info("The watched folder {} was replaced; following the new one", folder.toUri());
      }
    }
    return gone;
  }

  /** The file key (device and inode) of the folder at {@code folder}, or null if none is there. */
  private static Object fileKey(Path folder) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attributes.isDirectory() ? attributes.fileKey() : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public FeedCursor cursor() {
    return cursor;
  }

  /** Stops the drain thread and the watch service, which releases every inotify watch. */
  @Override
  public void close() throws IOException {
    closed = true;
    watchService.close();
    try {
      if (drainStarted && !drainStopped.await(10, TimeUnit.SECONDS)) {
        LOG.warn("The change feed thread of {} did not stop within 10 s", paths.root());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The folders that hold a watch now, by UFS path, for tests. */
  List<String> registeredFolders() {
    return watches.registeredUnder("/");
  }

  private void drain() {
    drainStarted = true;
    try {
      while (true) {
        handle(watchService.take());
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // Closed: the feed is done.
    } catch (RuntimeException e) {
      LOG.error("The change feed of {} stopped; events are lost", paths.root(), e);
      drainFailure = e;
      queue.markLost();
    } finally {
      drainStopped.countDown();
    }
  }

  private void handle(WatchKey key) {
    String folder = watches.pathOf(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        queue.markLost();
      } else if (folder != null) {
        handle(event.kind(), LocalPaths.child(folder, event.context().toString()));
      }
    }
    if (!key.reset()) {
      String gone = watches.forget(key);
      if (gone != null && watches.isWatchedFolder(gone)) {
        // The watch service reports nothing about a watched folder itself but the end of its watch.
        queue.add(ChangeEvent.of(ChangeKind.DELETE, gone));
      }
    }
  }

  private void handle(WatchEvent.Kind<?> kind, String path) {
    if (kind == ENTRY_CREATE) {
      queue.add(ChangeEvent.of(ChangeKind.CREATE, path));
      if (Files.isDirectory(paths.local(path), LinkOption.NOFOLLOW_LINKS)) {
        registerNewFolder(path);
      }
    } else if (kind == ENTRY_DELETE) {
      queue.add(ChangeEvent.of(ChangeKind.DELETE, path));
      watches.cancelSubtree(path);
    } else if (kind == ENTRY_MODIFY) {
      queue.add(ChangeEvent.of(ChangeKind.CONTENT, path));
    }
  }

  private void registerNewFolder(String path) {
    try {
      watches.registerSubtree(path, entry -> queue.add(ChangeEvent.of(ChangeKind.CREATE, entry)));
    } catch (IOException e) {
      LOG.warn(
          "Cannot watch the new folder {}; its changes are lost until a full sync: {}",
          paths.local(path).toUri(),
          limits.explain(e, paths.local(path).toUri().toString(), watches.size()).getMessage());
      queue.markLost();
    }
  }

  private static FeedCursor cursorAt(long millis) {
    return new FeedCursor(CURSOR_PREFIX + millis);
  }
}
