package io.metasync.master;

import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.metasync.proto.GetSyncPathListRequest;
import io.metasync.proto.SyncPointInfo;
import io.metasync.proto.SyncPointRequest;
import io.metasync.ufs.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Active sync's intervals on a manual clock: an interval closes only when the test moves the clock,
 * so the quiet-period rule is seen interval by interval through a real master and a real folder
 * feed.
 */
class ActiveSyncScheduleTest {
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  @TempDir Path folder;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T00:00:00Z"));
  private MasterFixture master;
  private RpcCalls calls;
  private Path watched;

  @BeforeEach
  void startMaster() throws Exception {
    master =
        MasterFixture.start(
            folder,
            UnaryOperator.identity(),
            Map.of(
                "metasync.master.activesync.interval", "1s",
                "metasync.master.activesync.maxactivity", "10",
                "metasync.master.activesync.maxage", "3",
                "metasync.master.activesync.initialsync", "false"),
            clock);
    calls = new RpcCalls(master);
    watched = Files.createDirectories(master.rootFolder().resolve("watched"));
    assertThat(calls.names("/watched", NEVER)).isEmpty();
    master
        .stub()
        .startSync(
            SyncPointRequest.newBuilder()
                .setContext(RpcCalls.context(NEVER))
                .setPath("/watched")
                .build());
  }

  @AfterEach
  void stopMaster() throws Exception {
    master.close();
  }

  private SyncPointInfo point() {
    return master
        .stub()
        .getSyncPathList(GetSyncPathListRequest.getDefaultInstance())
        .getSyncPoints(0);
  }

  private int created;

  /** Creates files behind the master's back and waits until the feed has reported them all. */
  private void burst(int files) throws Exception {
    for (int i = 0; i < files; i++) {
      Files.writeString(watched.resolve("f" + created++), "x");
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> point().getPendingChanges() == created);
  }

  private void closeInterval(int expectedAge) {
    clock.advance(INTERVAL);
    await().atMost(Duration.ofSeconds(30)).until(() -> point().getAge() == expectedAge);
  }

  @Test
  void aQuietFolderSyncsWhenItsIntervalCloses() throws Exception {
    burst(3);
    assertThat(calls.names("/watched", NEVER))
        .as("nothing syncs before the interval closes")
        .isEmpty();

    clock.advance(INTERVAL);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(calls.names("/watched", NEVER)).hasSize(3));
    // A local write is two events (create, then modify): activity counts events, not paths.
    assertThat(point().getActivity()).isPositive().isLessThan(10);
    assertThat(point().getPendingChanges()).isZero();
  }

  @Test
  void aFolderKeptBusyWaitsUntilMaxAgeThenSyncs() throws Exception {
    burst(50);
    closeInterval(1); // busy: at least 50 events against maxactivity 10
    burst(50);
    closeInterval(2);
    burst(50);
    closeInterval(3);
    assertThat(calls.names("/watched", NEVER)).as("still waiting for a quiet interval").isEmpty();
    assertThat(point().getActivity()).isGreaterThanOrEqualTo(10);

    burst(50);
    clock.advance(INTERVAL); // still busy, but it has waited maxage intervals

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(calls.names("/watched", NEVER)).hasSize(200));
    assertThat(point().getAge()).isZero();
  }
}
