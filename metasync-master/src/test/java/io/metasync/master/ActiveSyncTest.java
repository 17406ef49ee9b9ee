package io.metasync.master;

import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.metasync.proto.SyncPointInfo;
import io.metasync.proto.SyncPointRequest;
import io.metasync.proto.UnmountRequest;
import io.metasync.ufs.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Active sync through a real master, a real journal and a real local folder's change feed: changes
 * made behind metasync's back show with interval -1, without any client asking the UFS.
 */
class ActiveSyncTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final Map<String, String> FAST =
      Map.of(
          "metasync.master.activesync.interval", "100ms", "metasync.master.activesync.maxage", "3");

  @TempDir Path folder;

  private static void startSync(MasterFixture master, String path) {
    new RpcCalls(master).startSync(path);
  }

  private static List<SyncPointInfo> syncPoints(MasterFixture master) {
    return new RpcCalls(master).syncPoints();
  }

  @Test
  void changesBehindTheBackShowWithoutAnyCallAskingTheUfs() throws Exception {
    try (MasterFixture master = MasterFixture.start(folder, UnaryOperator.identity(), FAST)) {
      Path watched = Files.createDirectories(master.rootFolder().resolve("watched/sub"));
      Files.writeString(watched.resolve("before.txt"), "before");
      RpcCalls calls = new RpcCalls(master);
      startSync(master, "/watched");
      assertThat(calls.names("/watched/sub", NEVER)).containsExactly("before.txt");

      Files.writeString(watched.resolve("after.txt"), "after");
      Files.delete(watched.resolve("before.txt"));
      Files.createDirectories(master.rootFolder().resolve("watched/new/deeper"));
      Files.writeString(master.rootFolder().resolve("watched/new/deeper/f.txt"), "f");

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(calls.names("/watched/sub", NEVER)).containsExactly("after.txt"));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(calls.names("/watched/new/deeper", NEVER)).containsExactly("f.txt"));
      assertThat(syncPoints(master))
          .singleElement()
          .satisfies(point -> assertThat(point.getPath()).isEqualTo("/watched"));
    }
  }

  @Test
  void theInitialSyncReportsHowManyEntriesItListed() throws Exception {
    try (MasterFixture master = MasterFixture.start(folder, UnaryOperator.identity(), FAST)) {
      Path table = Files.createDirectories(master.rootFolder().resolve("table"));
      for (int partition = 0; partition < 10; partition++) {
        Path folder = Files.createDirectories(table.resolve("p=" + partition));
        for (int file = 0; file < 20; file++) {
          Files.writeString(folder.resolve("part-" + file), "x");
        }
      }
      startSync(master, "/table");

      // The sync point itself, its 10 folders and 200 files, all listed by its initial sync.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(syncPoints(master))
                      .singleElement()
                      .satisfies(
                          point -> {
                            assertThat(point.getState()).isEqualTo("IDLE");
                            assertThat(point.getListedEntries()).isEqualTo(211);
                          }));
    }
  }

  @Test
  void startSyncRefusesFilesMissingPathsAndNestedSyncPoints() throws Exception {
    try (MasterFixture master = MasterFixture.start(folder, UnaryOperator.identity(), FAST)) {
      Files.createDirectories(master.rootFolder().resolve("a/b"));
      Files.writeString(master.rootFolder().resolve("file.txt"), "x");
      startSync(master, "/a");

      RpcCalls.assertFailsWith(
          () -> startSync(master, "/file.txt"), Status.Code.FAILED_PRECONDITION, "is a file");
      RpcCalls.assertFailsWith(
          () -> startSync(master, "/missing"), Status.Code.NOT_FOUND, "does not exist");
      RpcCalls.assertFailsWith(
          () -> startSync(master, "/a/b"),
          Status.Code.FAILED_PRECONDITION,
          "inside the sync point /a");
      RpcCalls.assertFailsWith(
          () -> startSync(master, "/"),
          Status.Code.FAILED_PRECONDITION,
          "contains the sync point /a");
      RpcCalls.assertFailsWith(
          () -> startSync(master, "/a"), Status.Code.ALREADY_EXISTS, "already a sync point");
      RpcCalls.assertFailsWith(
          () -> master.stub().stopSync(SyncPointRequest.newBuilder().setPath("/a/b").build()),
          Status.Code.INVALID_ARGUMENT,
          "is not a sync point");
    }
  }

  /**
   * On a manual clock, so that the restarted master syncs nothing before the test has read the last
   * sync time it restored from the journal.
   */
  @Test
  void syncPointsAndTheirLastSyncTimeSurviveARestartAndChangesMadeWhileDownShowAfterIt()
      throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-25T00:00:00Z"));
    long syncedAt;
    try (MasterFixture master =
        MasterFixture.start(folder, UnaryOperator.identity(), FAST, clock)) {
      Files.createDirectories(master.rootFolder().resolve("kept"));
      startSync(master, "/kept");
      assertThat(new RpcCalls(master).names("/kept", NEVER)).isEmpty();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> syncPoints(master).get(0).getState().equals("IDLE"));
      Files.writeString(master.rootFolder().resolve("kept/after-start.txt"), "x");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> syncPoints(master).get(0).getPendingChanges() > 0);

      clock.advance(INTERVAL);

      // Journaled in the round that ran this sync, before close() can run on that thread.
      syncedAt = clock.millis();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> syncPoints(master).get(0).getLastSyncMs() == syncedAt);
    }
    Files.writeString(folder.resolve("ufs/kept/while-down.txt"), "x");

    try (MasterFixture master =
        MasterFixture.start(folder, UnaryOperator.identity(), FAST, clock)) {
      assertThat(syncPoints(master))
          .singleElement()
          .satisfies(
              point -> {
                assertThat(point.getPath()).isEqualTo("/kept");
                assertThat(point.getLastSyncMs()).isEqualTo(syncedAt);
              });
      RpcCalls calls = new RpcCalls(master);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                clock.advance(INTERVAL);
                assertThat(calls.names("/kept", NEVER))
                    .containsExactly("after-start.txt", "while-down.txt");
              });
    }
  }

  @Test
  void unmountStopsTheMountsSyncPoints() throws Exception {
    try (MasterFixture master = MasterFixture.start(folder, UnaryOperator.identity(), FAST)) {
      Path external = Files.createDirectories(folder.resolve("external/data"));
      new RpcCalls(master).mount("/ext", external.getParent().toUri().toString(), false);
      startSync(master, "/ext/data");
      assertThat(syncPoints(master))
          .extracting(SyncPointInfo::getPath)
          .containsExactly("/ext/data");

      master
          .stub()
          .unmount(
              UnmountRequest.newBuilder()
                  .setContext(RpcCalls.context(NEVER))
                  .setPath("/ext")
                  .build());

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(syncPoints(master)).isEmpty());
    }
  }
}
