package io.metasync.master;

import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.metasync.proto.SyncPointInfo;
import io.metasync.proto.SyncPointRequest;
import io.metasync.proto.UnmountRequest;
import io.metasync.ufs.UnderFileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Active sync's calls reach it directly and answer at once, whatever its syncs are doing: a real
 * master, journal and local folder feed, with a UFS that holds a listing until the test lets go.
 */
class ActiveSyncControlTest {
  private static final Map<String, String> FAST =
      Map.of(
          "metasync.master.activesync.interval", "100ms", "metasync.master.activesync.maxage", "3");
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir Path folder;

  private static List<String> syncPointPaths(RpcCalls calls) {
    return calls.syncPoints().stream().map(SyncPointInfo::getPath).toList();
  }

  private static SyncPointInfo syncPoint(RpcCalls calls, String path) {
    return calls.syncPoints().stream()
        .filter(point -> point.getPath().equals(path))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void startSyncAndStopSyncAnswerWhileAnInitialSyncIsHeldAtTheUfs() throws Exception {
    AtomicReference<GatedListingUnderFileSystem> rootUfs = new AtomicReference<>();
    UnaryOperator<UnderFileSystem> decorator =
        ufs -> {
          GatedListingUnderFileSystem gated = new GatedListingUnderFileSystem(ufs);
          rootUfs.compareAndSet(null, gated); // the first UFS opened is the root's
          return gated;
        };
    try (MasterFixture master = MasterFixture.start(folder, decorator, FAST)) {
      Files.createDirectories(master.rootFolder().resolve("slow/deeper"));
      Files.createDirectories(master.rootFolder().resolve("other"));
      RpcCalls calls = new RpcCalls(master);
      // Loaded now, so that startSync's own look at them needs no listing.
      assertThat(calls.names("/slow", NEVER)).containsExactly("deeper");
      assertThat(calls.names("/other", NEVER)).isEmpty();
      GatedListingUnderFileSystem gate = rootUfs.get();
      gate.close("/slow");

      calls.startSync("/slow");
      await().atMost(DEADLINE).until(() -> gate.waiting() == 1);

      calls.startSync("/other");
      assertThat(syncPoint(calls, "/slow").getState()).isEqualTo("INITIAL_SYNC");
      master.stub().stopSync(SyncPointRequest.newBuilder().setPath("/slow").build());

      assertThat(gate.waiting()).as("the initial sync of /slow is still held").isEqualTo(1);
      assertThat(syncPointPaths(calls)).containsExactly("/other");

      gate.open();
      await().atMost(DEADLINE).until(() -> gate.waiting() == 0);
      await().atMost(DEADLINE).until(() -> syncPoint(calls, "/other").getState().equals("IDLE"));
      assertThat(syncPointPaths(calls))
          .as("the held sync ends without bringing /slow back")
          .containsExactly("/other");
    }
  }

  @Test
  void anUnmountHasStoppedItsSyncPointsWhenItAnswersAndTheMountCanBeFollowedAgain()
      throws Exception {
    try (MasterFixture master = MasterFixture.start(folder, UnaryOperator.identity(), FAST)) {
      Path external = Files.createDirectories(folder.resolve("external/data"));
      String uri = external.getParent().toUri().toString();
      RpcCalls calls = new RpcCalls(master);
      calls.mount("/ext", uri, false);
      Files.createDirectories(master.rootFolder().resolve("local"));
      calls.startSync("/ext/data");
      calls.startSync("/local");
      await().atMost(DEADLINE).until(() -> syncPoint(calls, "/ext/data").getState().equals("IDLE"));

      master
          .stub()
          .unmount(
              UnmountRequest.newBuilder()
                  .setContext(RpcCalls.context(NEVER))
                  .setPath("/ext")
                  .build());

      // No wait: the unmount told active sync itself before it answered.
      assertThat(syncPointPaths(calls)).containsExactly("/local");

      calls.mount("/ext", uri, false);
      calls.startSync("/ext/data");
      Files.writeString(external.resolve("after-remount.txt"), "x");
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.names("/ext/data", NEVER)).containsExactly("after-remount.txt"));
    }
  }
}
