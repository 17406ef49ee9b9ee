package io.metasync.ufs.local;

import static io.metasync.ufs.ChangeKind.CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.metasync.ufs.AbstractChangeFeedTest;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.ChangeRecorder;
import io.metasync.ufs.ExternalUfsWriter;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.ManualClock;
import io.metasync.ufs.UnderFileSystem;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change feed contract on Linux inotify, plus what only inotify has: overflow, limits. */
class LocalChangeFeedTest extends AbstractChangeFeedTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @TempDir Path root;
  private final List<ChangeFeed> ownFeeds = new ArrayList<>();

  @Override
  protected UnderFileSystem newUnderFileSystem() throws IOException {
    return new LocalUnderFileSystemFactory().create(root.toUri(), Map.of());
  }

  @Override
  protected ExternalUfsWriter externalWriter() {
    return new LocalFolderWriter(root);
  }

  @Override
  protected ChangeFeed openFeed(UnderFileSystem ufs, FeedCursor resumeFrom) throws IOException {
    return ufs.openChangeFeed(resumeFrom, Duration.ofSeconds(1));
  }

  @Override
  protected ChangeKind modeChangeKind() {
    return ChangeKind.CONTENT;
  }

  @AfterEach
  void closeOwnFeeds() throws IOException {
    for (ChangeFeed feed : ownFeeds) {
      feed.close();
    }
  }

  @Test
  void overflowOfOneFolderIsReportedAsLostEvents() throws Exception {
    List<Runnable> held = new ArrayList<>();
    LocalChangeFeed feed = newFeed(registerAll(), 100_000, held::add);
    feed.watch("/v");

    // The JDK keeps 512 pending events per folder; nobody drains them until the thread starts.
    for (int i = 0; i < 600; i++) {
      writer().createFile("/v/f" + i, HELLO);
    }
    startAll(held);

    ChangeRecorder recorder = new ChangeRecorder(feed, DEADLINE);
    recorder.awaitUntil("lost events", ChangeRecorder::eventsLost);
  }

  @Test
  void fullQueueIsReportedAsLostEvents() throws Exception {
    LocalChangeFeed feed = newFeed(registerAll(), 3, daemonThreads());
    feed.watch("/v");

    for (int i = 0; i < 10; i++) {
      writer().createFile("/v/f" + i, HELLO);
    }

    ChangeRecorder recorder = new ChangeRecorder(feed, DEADLINE);
    recorder.awaitUntil("lost events", ChangeRecorder::eventsLost);
    assertThat(recorder.batches().get(0).events()).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void watchLimitIsAnErrorNamingTheSettingAndLeavesNothingRegistered() throws Exception {
    AtomicInteger registrations = new AtomicInteger();
    WatchService watchService = root.getFileSystem().newWatchService();
    FolderWatches.Registration failsAtTheSecond =
        folder -> {
          if (registrations.incrementAndGet() >= 2) {
            // What the JDK's LinuxWatchService says for ENOSPC from inotify_add_watch.
            throw new IOException("User limit of inotify watches reached");
          }
          return folder.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
        };
    LocalChangeFeed feed = newFeed(watchService, failsAtTheSecond, 100, daemonThreads());

    assertThatThrownBy(() -> feed.watch("/w"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fs.inotify.max_user_watches")
        .hasMessageContaining("sysctl")
        .hasMessageContaining(root.resolve("w").toUri().toString());
    assertThat(feed.registeredFolders()).isEmpty();
  }

  @Test
  void newFolderThatCannotBeRegisteredIsReportedAsLostEvents() throws Exception {
    WatchService watchService = root.getFileSystem().newWatchService();
    FolderWatches.Registration refusesNew =
        folder -> {
          if (folder.endsWith("new")) {
            throw new IOException("User limit of inotify watches reached");
          }
          return folder.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
        };
    LocalChangeFeed feed = newFeed(watchService, refusesNew, 100, daemonThreads());
    feed.watch("/v");

    writer().createFolder("/v/new");

    ChangeRecorder recorder = new ChangeRecorder(feed, DEADLINE);
    recorder.awaitUntil("lost events", ChangeRecorder::eventsLost);
    recorder.awaitEvent(CREATE, "/v/new");
  }

  @Test
  void watchOfAMissingFolderOrAFileFails() throws IOException {
    assertThatThrownBy(() -> feed().watch("/missing")).isInstanceOf(FileNotFoundException.class);
    assertThatThrownBy(() -> feed().watch("/w/existing")).isInstanceOf(NotDirectoryException.class);
  }

  @Test
  void deletionOfTheWatchedFolderItselfIsReported() throws IOException {
    writer().delete("/w");

    recorder().awaitEvent(ChangeKind.DELETE, "/w");
  }

  @Test
  void unwatchReleasesTheWatchesOfThatFolderOnly() throws Exception {
    LocalChangeFeed feed = newFeed(registerAll(), 100, daemonThreads());
    feed.watch("/w");
    feed.watch("/w/sub");
    feed.watch("/v");

    feed.unwatch("/w");

    assertThat(feed.registeredFolders()).containsExactlyInAnyOrder("/w/sub", "/v");
  }

  @Test
  void closeStopsTheDrainThread() throws Exception {
    List<Thread> threads = new ArrayList<>();
    Executor recordingThreads =
        drain -> {
          Thread thread = new Thread(drain, "test drain");
          thread.setDaemon(true);
          threads.add(thread);
          thread.start();
        };
    LocalChangeFeed feed = newFeed(registerAll(), 100, recordingThreads);
    feed.watch("/w");

    feed.close();

    await().atMost(DEADLINE).until(() -> !threads.get(0).isAlive());
  }

  private LocalChangeFeed newFeed(Registrations registrations, int capacity, Executor executor) {
    return newFeed(registrations.watchService, registrations.registration, capacity, executor);
  }

  private LocalChangeFeed newFeed(
      WatchService watchService,
      FolderWatches.Registration registration,
      int capacity,
      Executor executor) {
    LocalChangeFeed feed =
        new LocalChangeFeed(
            new LocalPaths(root),
            watchService,
            registration,
            null,
            capacity,
            new ManualClock(Instant.parse("2026-01-01T00:00:00Z")),
            new WatchLimits(root.toUri().toString()),
            executor);
    ownFeeds.add(feed);
    return feed;
  }

  private Registrations registerAll() throws IOException {
    WatchService watchService = root.getFileSystem().newWatchService();
    return new Registrations(
        watchService,
        folder -> folder.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
  }

  private static Executor daemonThreads() {
    return drain -> {
      Thread thread = new Thread(drain, "test drain");
      thread.setDaemon(true);
      thread.start();
    };
  }

  private static void startAll(List<Runnable> held) {
    daemonThreads().execute(() -> held.forEach(Runnable::run));
  }

  private record Registrations(
      WatchService watchService, FolderWatches.Registration registration) {}
}
