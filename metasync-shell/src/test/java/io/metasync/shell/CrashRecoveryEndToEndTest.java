package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.metasync.client.CallOptions;
import io.metasync.client.MetasyncClient;
import io.metasync.client.MountOptions;
import io.metasync.client.SyncPointInfo;
import io.metasync.common.LoadType;
import io.metasync.common.SyncInterval;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 5: an acknowledged mutation survives {@code kill -9} of the master, and what was loaded
 * stays loaded. Each test runs real master JVMs over one install folder and kills them.
 */
class CrashRecoveryEndToEndTest {
  private static final CallOptions CACHED = new CallOptions(SyncInterval.NEVER, LoadType.ONCE);
  private static final CallOptions FRESH = new CallOptions(SyncInterval.ALWAYS, LoadType.ONCE);
  private static final CallOptions CACHE_ONLY = new CallOptions(SyncInterval.NEVER, LoadType.NEVER);

  @TempDir Path home;
  @TempDir Path external;

  private static MetasyncClient client(MasterJvm master) {
    return MetasyncClient.connect("localhost", master.rpcPort(), CACHED);
  }

  private static List<String> paths(
      MetasyncClient client, String path, boolean recursive, CallOptions options) {
    List<String> paths = new ArrayList<>();
    try (var listing = client.withOptions(options).listStatus(path, recursive)) {
      listing.forEachRemaining(status -> paths.add(status.path()));
    }
    return paths;
  }

  /**
   * No orphans: every cached inode is reachable from the root (the count includes the root). The
   * walk loads nothing, so it sees exactly what the journal restored.
   */
  private static void assertNoOrphans(MasterJvm master, MetasyncClient client) throws Exception {
    long reachable = paths(client, "/", true, CACHE_ONLY).size() + 1L;
    assertThat(master.metric("metasync_inodes")).isEqualTo(reachable);
  }

  @Test
  void acknowledgedChangesAndLoadedMetadataSurviveKillNine() throws Exception {
    Path data = Files.createDirectories(external.resolve("data"));
    for (int i = 0; i < 50; i++) {
      Files.writeString(data.resolve("f" + i), "x".repeat(i));
    }
    MasterJvm master = MasterJvm.start(home);
    try (MetasyncClient client = client(master)) {
      client.mount("/data", data.toUri().toString(), new MountOptions(false, false, Map.of()));
      client.createDirectory("/data/made", false);
      client.createFile("/data/made/touched", new ByteArrayInputStream(new byte[0]));
      client.setMode("/data/f7", 0600);
      assertThat(paths(client, "/data", false, FRESH)).hasSize(51);
    }
    master.kill();

    MasterJvm restarted = MasterJvm.start(home);
    try (MetasyncClient client = client(restarted)) {
      assertThat(client.mountTable())
          .anySatisfy(mount -> assertThat(mount.path()).isEqualTo("/data"));
      assertThat(client.withOptions(CACHED).getStatus("/data/made/touched").length()).isZero();
      assertThat(client.withOptions(CACHED).getStatus("/data/f7").mode()).isEqualTo(0600);
      // Loaded before the crash, so answered from the cache without listing the UFS again.
      assertThat(paths(client, "/data", false, CACHED)).hasSize(51);
      assertThat(restarted.metric("metasync_syncs_started_total")).isZero();
      assertNoOrphans(restarted, client);
    } finally {
      restarted.stop();
    }
  }

  @Test
  void killNineDuringAStreamOfWritesLosesNoAcknowledgedWrite() throws Exception {
    MasterJvm master = MasterJvm.start(home);
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    try (MetasyncClient client = client(master)) {
      client.createDirectory("/stream", false);
      for (int writer = 0; writer < 4; writer++) {
        int id = writer;
        writers.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; !stop.get(); i++) {
                    String path = "/stream/w" + id + "-" + i;
                    try {
                      client.createDirectory(path, false);
                    } catch (RuntimeException e) {
                      return; // the master died under this call: it was never acknowledged
                    }
                    acknowledged.add(path);
                  }
                }));
      }
      await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= 200);
      master.kill();
      stop.set(true);
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
    }

    MasterJvm restarted = MasterJvm.start(home);
    try (MetasyncClient client = client(restarted)) {
      List<String> cached = paths(client, "/stream", false, CACHED);
      assertThat(cached).containsAll(acknowledged);
      // From the journal, not from a new look at the UFS.
      assertThat(restarted.metric("metasync_syncs_started_total")).isZero();
      assertNoOrphans(restarted, client);
      client.withOptions(FRESH).loadMetadata("/", true, progress -> {});
      assertThat(
              client
                  .withOptions(CACHED)
                  .checkConsistency("/", true, difference -> {}, progress -> {}))
          .isZero();
    } finally {
      restarted.stop();
    }
  }

  @Test
  void killNineInTheMiddleOfAHundredThousandFileSyncLeavesAConsistentNamespace() throws Exception {
    Path tree = Files.createDirectories(external.resolve("tree"));
    for (int folder = 0; folder < 100; folder++) {
      Path sub = Files.createDirectories(tree.resolve("p" + folder));
      for (int file = 0; file < 1000; file++) {
        Files.createFile(sub.resolve("f" + file));
      }
    }
    MasterJvm master = MasterJvm.start(home);
    try (MetasyncClient client = client(master)) {
      client.mount("/tree", tree.toUri().toString(), new MountOptions(false, false, Map.of()));
      CompletableFuture<?> sync =
          CompletableFuture.runAsync(
              () -> client.withOptions(FRESH).loadMetadata("/tree", true, progress -> {}));
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> master.metric("metasync_inodes") > 20_000 || sync.isDone());
      assertThat(sync).as("the sync must still be running when the master is killed").isNotDone();
      master.kill();
    }

    MasterJvm restarted = MasterJvm.start(home);
    try (MetasyncClient client = client(restarted)) {
      assertNoOrphans(restarted, client);
      client.withOptions(FRESH).loadMetadata("/tree", true, progress -> {});
      assertThat(
              client
                  .withOptions(CACHED)
                  .checkConsistency("/tree", true, difference -> {}, progress -> {}))
          .isZero();
      assertThat(paths(client, "/tree", true, CACHED)).hasSize(100 + 100_000);
    } finally {
      restarted.stop();
    }
  }

  @Test
  void syncPointsSurviveKillNineAndChangesMadeWhileDownShowWithoutAnyIntervalZeroCall()
      throws Exception {
    Path watched = Files.createDirectories(external.resolve("watched"));
    String[] fast = {"-Dmetasync.master.activesync.interval=200ms"};
    MasterJvm master = MasterJvm.start(home, fast);
    try (MetasyncClient client = client(master)) {
      client.mount("/w", watched.toUri().toString(), new MountOptions(false, false, Map.of()));
      client.startSync("/w");
      await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> client.syncPathList().get(0).state().equals("IDLE"));
    }
    master.kill();
    Files.writeString(watched.resolve("while-down.txt"), "x");

    MasterJvm restarted = MasterJvm.start(home, fast);
    try (MetasyncClient client = client(restarted)) {
      assertThat(client.syncPathList()).extracting(SyncPointInfo::path).containsExactly("/w");
      await()
          .atMost(Duration.ofMinutes(1))
          .untilAsserted(
              () ->
                  assertThat(paths(client, "/w", false, CACHED))
                      .containsExactly("/w/while-down.txt"));
    } finally {
      restarted.stop();
    }
  }
}
