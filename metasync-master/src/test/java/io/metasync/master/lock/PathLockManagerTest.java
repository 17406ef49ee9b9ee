package io.metasync.master.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.metasync.common.NamespacePath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// Many try-with-resources blocks hold locks without naming them: holding is the point.
@SuppressWarnings("try")
class PathLockManagerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final PathLockManager manager = new PathLockManager();
  private final List<Locker> lockers = new ArrayList<>();

  @AfterEach
  void releaseEveryLocker() throws InterruptedException {
    for (Locker locker : lockers) {
      locker.release();
      locker.thread.join(DEADLINE.toMillis());
    }
  }

  private static NamespacePath path(String path) {
    return NamespacePath.parse(path);
  }

  @Test
  void readersOfOnePathHoldItTogether() throws Exception {
    CountDownLatch bothHolding = new CountDownLatch(2);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> readers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        readers.add(
            executor.submit(
                () -> {
                  try (LockedPaths held = manager.lock(path("/a/b"), LockMode.READ)) {
                    bothHolding.countDown();
                    // Returns true only if the other reader got in while this one holds the lock.
                    return bothHolding.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                  }
                }));
      }
      for (Future<Boolean> reader : readers) {
        assertThat(reader.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(manager.lockCount()).isZero();
  }

  @Test
  void writerOnFolderExcludesReaderBelowIt() {
    try (LockedPaths writer = manager.lock(path("/a"), LockMode.WRITE)) {
      Locker reader = start(Map.of(path("/a/b"), LockMode.READ));
      reader.awaitBlocked();

      writer.close();

      reader.awaitAcquired();
    }
  }

  @Test
  void writerOnFolderExcludesReaderOfTheFolder() {
    try (LockedPaths writer = manager.lock(path("/a"), LockMode.WRITE)) {
      Locker reader = start(Map.of(path("/a"), LockMode.READ));
      reader.awaitBlocked();

      writer.close();

      reader.awaitAcquired();
    }
  }

  @Test
  void readerBelowAFolderExcludesWriterOfTheFolder() {
    try (LockedPaths reader = manager.lock(path("/a/b/c"), LockMode.READ)) {
      Locker writer = start(Map.of(path("/a"), LockMode.WRITE));
      writer.awaitBlocked();

      reader.close();

      writer.awaitAcquired();
    }
  }

  @Test
  void writerBelowAFolderLetsReadersOfTheFolderIn() {
    try (LockedPaths writer = manager.lock(path("/a/b"), LockMode.WRITE)) {
      Locker reader = start(Map.of(path("/a"), LockMode.READ));
      reader.awaitAcquired();
    }
  }

  @Test
  void writersOnDisjointSubtreesHoldTheirLocksTogether() throws Exception {
    CountDownLatch bothHolding = new CountDownLatch(2);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> writers = new ArrayList<>();
      for (String target : List.of("/a/x", "/b/y")) {
        writers.add(
            executor.submit(
                () -> {
                  try (LockedPaths held = manager.lock(path(target), LockMode.WRITE)) {
                    bothHolding.countDown();
                    return bothHolding.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                  }
                }));
      }
      for (Future<Boolean> writer : writers) {
        assertThat(writer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(manager.lockCount()).isZero();
  }

  @Test
  void pathThatIsAncestorOfOneTargetAndWriteTargetIsWriteLocked() {
    Map<NamespacePath, LockMode> targets = new LinkedHashMap<>();
    targets.put(path("/a/b"), LockMode.READ);
    targets.put(path("/a"), LockMode.WRITE);
    try (LockedPaths both = manager.lock(targets)) {
      Locker reader = start(Map.of(path("/a"), LockMode.READ));
      reader.awaitBlocked();

      both.close();

      reader.awaitAcquired();
    }
  }

  @Test
  void multiPathLocksInOppositeArgumentOrderDoNotDeadlock() throws Exception {
    Map<NamespacePath, LockMode> forward = new LinkedHashMap<>();
    forward.put(path("/a/x"), LockMode.WRITE);
    forward.put(path("/b/y"), LockMode.WRITE);
    Map<NamespacePath, LockMode> backward = new LinkedHashMap<>();
    backward.put(path("/b/y"), LockMode.WRITE);
    backward.put(path("/a/x"), LockMode.WRITE);
    int rounds = 5_000;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> renamers = new ArrayList<>();
      for (Map<NamespacePath, LockMode> targets : List.of(forward, backward)) {
        renamers.add(
            executor.submit(
                () -> {
                  start.await();
                  int done = 0;
                  for (int i = 0; i < rounds; i++) {
                    try (LockedPaths held = manager.lock(targets)) {
                      done++;
                    }
                  }
                  return done;
                }));
      }
      start.countDown();
      for (Future<Integer> renamer : renamers) {
        // A deadlock shows up as a timeout here rather than a hung build.
        assertThat(renamer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(rounds);
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(manager.lockCount()).isZero();
  }

  @Test
  void lockObjectsExistOnlyWhileHeldOrAwaited() {
    LockedPaths first = manager.lock(path("/a/b/c"), LockMode.WRITE);
    LockedPaths second = manager.lock(path("/a/d"), LockMode.READ);
    // /, /a, /a/b, /a/b/c and /a/d.
    assertThat(manager.lockCount()).isEqualTo(5);

    Locker waiter = start(Map.of(path("/a/b/c/e"), LockMode.READ));
    waiter.awaitBlocked();
    // The waiter is queued on /a/b/c and has not reached /a/b/c/e yet.
    assertThat(manager.lockCount()).isEqualTo(5);

    // /a/b/c's lock object outlives its holder because the waiter still references it.
    first.close();
    waiter.awaitAcquired();
    assertThat(manager.lockCount()).isEqualTo(6);
    waiter.release();
    second.close();

    await().atMost(DEADLINE).until(() -> manager.lockCount() == 0);
  }

  @Test
  void closeTwiceReleasesOnlyOnce() {
    LockedPaths outer = manager.lock(path("/a"), LockMode.READ);
    LockedPaths inner = manager.lock(path("/a"), LockMode.READ);
    inner.close();
    inner.close();

    // The outer hold must still keep a writer out.
    Locker writer = start(Map.of(path("/a"), LockMode.WRITE));
    writer.awaitBlocked();

    outer.close();
    writer.awaitAcquired();
    writer.release();
    await().atMost(DEADLINE).until(() -> manager.lockCount() == 0);
  }

  @Test
  void threadHoldingWriteOnFolderCanLockBelowIt() {
    try (LockedPaths folder = manager.lock(path("/a"), LockMode.WRITE);
        LockedPaths child = manager.lock(path("/a/b"), LockMode.WRITE);
        LockedPaths again = manager.lock(path("/a"), LockMode.READ)) {
      Locker reader = start(Map.of(path("/a/b"), LockMode.READ));
      reader.awaitBlocked();
    }
    lockers.get(0).awaitAcquired();
  }

  @Test
  void upgradeOfAHeldReadToWriteIsRefusedInsteadOfDeadlocking() {
    try (LockedPaths reader = manager.lock(path("/a/b"), LockMode.READ)) {
      assertThatThrownBy(() -> manager.lock(path("/a"), LockMode.WRITE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("/a");

      // The refused call released what it had taken: /, /a and /a/b are the reader's.
      assertThat(manager.lockCount()).isEqualTo(3);
    }
    assertThat(manager.lockCount()).isZero();
  }

  @Test
  void emptyTargetsLockNothing() {
    try (LockedPaths none = manager.lock(Map.of())) {
      assertThat(manager.lockCount()).isZero();
    }
  }

  private Locker start(Map<NamespacePath, LockMode> targets) {
    Locker locker = new Locker(targets);
    lockers.add(locker);
    locker.thread.start();
    return locker;
  }

  /** A thread that locks, reports that it holds the locks, and releases when told. */
  private final class Locker {
    final CountDownLatch acquired = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);
    final Thread thread;

    Locker(Map<NamespacePath, LockMode> targets) {
      thread =
          new Thread(
              () -> {
                try (LockedPaths held = manager.lock(targets)) {
                  acquired.countDown();
                  released.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "locker " + targets);
      thread.setDaemon(true);
    }

    /** Waits until the thread is parked in the lock, and checks it did not get the lock. */
    void awaitBlocked() {
      await()
          .atMost(DEADLINE)
          .until(() -> thread.getState() == Thread.State.WAITING || acquired.getCount() == 0);
      assertThat(acquired.getCount()).as("locked although it should wait").isEqualTo(1);
    }

    void awaitAcquired() {
      await().atMost(DEADLINE).until(() -> acquired.getCount() == 0);
    }

    void release() {
      released.countDown();
    }
  }
}
