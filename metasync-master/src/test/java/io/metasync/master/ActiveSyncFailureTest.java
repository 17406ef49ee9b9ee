package io.metasync.master;

import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.StatusRuntimeException;
import io.metasync.proto.SyncPointInfo;
import io.metasync.ufs.FaultInjectingUnderFileSystem;
import io.metasync.ufs.UfsOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync point whose feed or syncs fail says so in {@code getSyncPathList} (never {@code IDLE}),
 * and its cache converges on the UFS once the UFS answers again, without any call asking for it. A
 * real master, journal and local folder feed.
 */
class ActiveSyncFailureTest {
  private static final Map<String, String> FAST =
      Map.of(
          "metasync.master.activesync.interval", "100ms", "metasync.master.activesync.maxage", "3");
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir Path folder;

  @Test
  void aWatchedFolderThatIsGoneShowsAFailingFeedAndItsReplacementIsSyncedWhole() throws Exception {
    try (MasterFixture master = MasterFixture.start(folder, UnaryOperator.identity(), FAST)) {
      Path watched = Files.createDirectories(master.rootFolder().resolve("watched/old"));
      Files.writeString(watched.resolve("old.txt"), "old");
      RpcCalls calls = new RpcCalls(master);
      calls.startSync("/watched");
      awaitState(calls, "IDLE");

      deleteTree(master.rootFolder().resolve("watched"));
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(syncPoint(calls))
                      .satisfies(
                          point -> {
                            assertThat(point.getState()).isEqualTo("FEED_FAILING");
                            assertThat(point.getFailure()).contains("is gone");
                            assertThat(point.getFailures()).isPositive();
                            assertThat(point.getFailingSinceMs()).isPositive();
                          }));

      // another folder at the same path, filled before the feed can watch it
      Path replacement = Files.createDirectories(master.rootFolder().resolve("watched/new"));
      Files.writeString(replacement.resolve("new.txt"), "new");
      // the sync of the folder's deletion may answer first: /watched does not exist for a moment
      await()
          .atMost(DEADLINE)
          .ignoreExceptionsInstanceOf(StatusRuntimeException.class)
          .untilAsserted(() -> assertThat(calls.names("/watched", NEVER)).containsExactly("new"));
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () -> assertThat(calls.names("/watched/new", NEVER)).containsExactly("new.txt"));
      awaitState(calls, "IDLE");
      assertThat(syncPoint(calls).getFailures()).isZero();

      // and the new folder's changes are followed
      Files.writeString(replacement.resolve("later.txt"), "later");
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.names("/watched/new", NEVER))
                      .containsExactly("later.txt", "new.txt"));
    }
  }

  @Test
  void aSyncThatFailsShowsSyncFailingUntilTheUfsAnswersAgain() throws Exception {
    AtomicReference<FaultInjectingUnderFileSystem> faults = new AtomicReference<>();
    UnaryOperator<io.metasync.ufs.UnderFileSystem> decorator =
        ufs -> {
          FaultInjectingUnderFileSystem injecting = new FaultInjectingUnderFileSystem(ufs);
          faults.set(injecting);
          return injecting;
        };
    try (MasterFixture master = MasterFixture.start(folder, decorator, FAST)) {
      Path watched = Files.createDirectories(master.rootFolder().resolve("watched"));
      RpcCalls calls = new RpcCalls(master);
      calls.startSync("/watched");
      awaitState(calls, "IDLE");

      faults.get().failAlways(UfsOperation.LIST, new IOException("disk on fire"));
      Files.writeString(watched.resolve("while-failing.txt"), "x");
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(syncPoint(calls))
                      .satisfies(
                          point -> {
                            assertThat(point.getState()).isEqualTo("SYNC_FAILING");
                            assertThat(point.getFailure()).contains("disk on fire");
                            assertThat(point.getFailures()).isGreaterThan(1);
                          }));
      assertThat(calls.names("/watched", NEVER)).isEmpty();

      faults.get().heal();
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.names("/watched", NEVER)).containsExactly("while-failing.txt"));
      awaitState(calls, "IDLE");
      assertThat(syncPoint(calls).getFailure()).isEmpty();
    }
  }

  private static SyncPointInfo syncPoint(RpcCalls calls) {
    return calls.syncPoints().get(0);
  }

  private static void awaitState(RpcCalls calls, String state) {
    await().atMost(DEADLINE).until(() -> syncPoint(calls).getState().equals(state));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
