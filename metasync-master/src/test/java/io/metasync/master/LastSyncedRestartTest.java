package io.metasync.master;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.master.journal.RatisJournal;
import io.metasync.proto.FileInfo;
import io.metasync.ufs.CountingUnderFileSystem;
import io.metasync.ufs.ManualClock;
import io.metasync.ufs.UfsOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code lastSynced} survives a restart, after a clean stop (a snapshot) and after a replay of the
 * whole log (no snapshot), with each inode store: {@code stat} shows the time it showed before, and
 * a call whose interval that time satisfies does not list the UFS again. Paths deleted, moved or
 * re-created do not inherit a time.
 */
class LastSyncedRestartTest {
  private static final long ONE_HOUR = 3_600_000;

  /** How the master comes back. */
  enum Restart {
    /** A clean stop: Ratis writes a snapshot, the next start loads it. */
    SNAPSHOT,
    /** The snapshots are gone: the next start replays the whole log, as after a crash. */
    LOG_REPLAY
  }

  @TempDir Path folder;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
  private volatile CountingUnderFileSystem counting;
  private MasterFixture master;
  private RpcCalls calls;

  static Stream<Arguments> storesAndRestarts() {
    return Stream.of("ROCKS", "HEAP")
        .flatMap(store -> Stream.of(Restart.values()).map(restart -> Arguments.of(store, restart)));
  }

  @AfterEach
  void stopMaster() throws Exception {
    if (master != null) {
      master.close();
    }
  }

  private void start(String store) throws IOException {
    master =
        MasterFixture.start(
            folder,
            ufs -> counting = new CountingUnderFileSystem(ufs),
            Map.of("metasync.master.metastore", store),
            clock);
    calls = new RpcCalls(master);
  }

  /** A second later, the master stops and comes back. */
  private void restart(String store, Restart restart) throws Exception {
    clock.advance(Duration.ofSeconds(1));
    master.close();
    if (restart == Restart.LOG_REPLAY) {
      assertThat(deleteSnapshots()).as("snapshots written by the clean stop").isPositive();
    }
    start(store);
  }

  private int deleteSnapshots() throws IOException {
    List<Path> snapshots;
    try (Stream<Path> all =
        Files.walk(folder.resolve("journal").resolve(RatisJournal.RAFT_FOLDER))) {
      snapshots =
          all.filter(path -> path.getFileName().toString().matches("snapshot\\.\\d+_\\d+.*"))
              .sorted(Comparator.reverseOrder())
              .toList();
    }
    for (Path snapshot : snapshots) {
      try (Stream<Path> inside = Files.walk(snapshot)) {
        for (Path path : inside.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return snapshots.size();
  }

  private long lastSynced(String path) {
    FileInfo info = calls.stat(path, NEVER);
    return info.getLastSyncedMs();
  }

  @ParameterizedTest
  @MethodSource("storesAndRestarts")
  void aFolderListedBeforeARestartIsNotListedAgainWithinTheInterval(String store, Restart restart)
      throws Exception {
    Path dir = Files.createDirectories(folder.resolve("ufs").resolve("dir"));
    Files.writeString(dir.resolve("a.txt"), "a");
    Files.createDirectories(dir.resolve("sub"));
    start(store);
    assertThat(calls.names("/dir", ALWAYS)).containsExactly("a.txt", "sub");
    long synced = clock.millis();
    assertThat(lastSynced("/dir/a.txt")).isEqualTo(synced);

    restart(store, restart);
    Files.writeString(dir.resolve("behind-its-back.txt"), "b");

    assertThat(lastSynced("/dir")).isEqualTo(synced);
    assertThat(lastSynced("/dir/a.txt")).isEqualTo(synced);
    assertThat(lastSynced("/dir/sub")).isEqualTo(synced);
    counting.reset();
    assertThat(calls.names("/dir", 30_000)).containsExactly("a.txt", "sub");
    assertThat(counting.total()).as("UFS calls within the interval").isZero();
    // Past the interval the UFS is listed again.
    assertThat(calls.names("/dir", 500)).contains("behind-its-back.txt");
    assertThat(counting.count(UfsOperation.LIST)).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("storesAndRestarts")
  void aRecursiveSyncBeforeARestartCoversTheWholeTreeAfterIt(String store, Restart restart)
      throws Exception {
    Path deep = Files.createDirectories(folder.resolve("ufs").resolve("tree/x/y"));
    Files.writeString(deep.resolve("deep.txt"), "d");
    Files.writeString(folder.resolve("ufs").resolve("tree/top.txt"), "t");
    start(store);
    calls.loadMetadata("/tree", true, ALWAYS);
    long synced = clock.millis();
    List<String> before = paths(calls.list("/tree", true, NEVER));

    restart(store, restart);
    Files.writeString(deep.resolve("behind-its-back.txt"), "b");

    assertThat(lastSynced("/tree/x/y/deep.txt")).isEqualTo(synced);
    counting.reset();
    assertThat(paths(calls.list("/tree", true, ONE_HOUR))).isEqualTo(before);
    assertThat(counting.total()).as("UFS calls within the interval").isZero();
  }

  @ParameterizedTest
  @MethodSource("storesAndRestarts")
  void writesThroughMetasyncKeepTheTimesHonestAcrossARestart(String store, Restart restart)
      throws Exception {
    Path w = Files.createDirectories(folder.resolve("ufs").resolve("w"));
    Files.writeString(Files.createDirectories(w.resolve("gone")).resolve("old.txt"), "o");
    Files.writeString(Files.createDirectories(w.resolve("moved")).resolve("m.txt"), "m");
    start(store);
    calls.names("/w", ALWAYS);
    clock.advance(Duration.ofSeconds(1));
    calls.names("/w/gone", ALWAYS);
    calls.names("/w/moved", ALWAYS);
    calls.delete("/w/gone", true);
    calls.rename("/w/moved", "/w/renamed");
    clock.advance(Duration.ofSeconds(1));
    calls.mkdir("/w/made", false);
    // re-created behind the master's back: nothing the master listed
    Files.writeString(Files.createDirectories(w.resolve("gone")).resolve("new.txt"), "n");
    Map<String, Long> before = new LinkedHashMap<>();
    for (String path : List.of("/w", "/w/renamed", "/w/renamed/m.txt", "/w/made")) {
      before.put(path, lastSynced(path));
    }

    restart(store, restart);

    for (Map.Entry<String, Long> path : before.entrySet()) {
      assertThat(lastSynced(path.getKey())).as(path.getKey()).isEqualTo(path.getValue());
    }
    counting.reset();
    assertThat(calls.names("/w/made", ONE_HOUR)).isEmpty();
    assertThat(counting.total()).as("UFS calls for the folder made through metasync").isZero();
    // The moved folder's listing time stayed behind: it is listed again.
    assertThat(calls.names("/w/renamed", ONE_HOUR)).containsExactly("m.txt");
    assertThat(counting.count(UfsOperation.LIST)).isEqualTo(1);
    // The deleted folder's time went with it: the new one is looked up, not taken as listed.
    assertThat(calls.names("/w/gone", ONE_HOUR)).containsExactly("new.txt");
  }

  @ParameterizedTest
  @MethodSource("storesAndRestarts")
  void aReSyncThatFindsNothingNewMovesTheJournaledTimeOnceASecond(String store, Restart restart)
      throws Exception {
    Files.writeString(
        Files.createDirectories(folder.resolve("ufs").resolve("same")).resolve("a.txt"), "a");
    start(store);
    calls.names("/same", ALWAYS);
    clock.advance(Duration.ofSeconds(10));
    calls.names("/same", ALWAYS);
    long journaled = clock.millis();
    // Within a second of the journaled time, a re-sync that changed nothing writes no entry:
    // a restarted master shows the older time, which is still true.
    clock.advance(Duration.ofMillis(400));
    calls.names("/same", ALWAYS);
    assertThat(lastSynced("/same/a.txt")).isEqualTo(clock.millis());

    restart(store, restart);

    assertThat(lastSynced("/same/a.txt")).isEqualTo(journaled);
  }

  private static List<String> paths(List<FileInfo> infos) {
    return infos.stream().map(FileInfo::getPath).toList();
  }
}
