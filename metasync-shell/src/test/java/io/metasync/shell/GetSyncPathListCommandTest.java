package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.client.SyncPointInfo;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GetSyncPathListCommandTest {
  private static final StatusFormat UTC = new StatusFormat(ZoneOffset.UTC);

  @Test
  void anIdleSyncPointShowsSevenFields() {
    SyncPointInfo point = new SyncPointInfo("/w", "IDLE", 1_000, 0, 3, 1, 42, "", 0, 0);

    assertThat(GetSyncPathListCommand.line(point, UTC))
        .isEqualTo(
            "/w  idle  1970-01-01T00:00:01.000+00:00  pending=0  activity=3  age=1  listed=42");
  }

  @Test
  void aFailingFeedShowsItsStateFailuresSinceAndCauseLast() {
    SyncPointInfo point =
        new SyncPointInfo(
            "/hdfs/w", "FEED_FAILING", 0, -1, 0, 0, 12, "cannot reach the NameNode", 2_000, 7);

    assertThat(GetSyncPathListCommand.line(point, UTC))
        .isEqualTo(
            "/hdfs/w  feed-failing  never  pending=all  activity=0  age=0  listed=12  failures=7"
                + "  since=1970-01-01T00:00:02.000+00:00  cause=cannot reach the NameNode");
  }
}
