package io.metasync.ufs.hdfs;

import static io.metasync.ufs.ChangeEvent.of;
import static io.metasync.ufs.ChangeKind.CONTENT;
import static io.metasync.ufs.ChangeKind.CREATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.hadoop.fs.SafeModeAction;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cursor whose edits the NameNode purged: the feed says events were lost, then goes on. The
 * cluster keeps one checkpoint and two transactions before it (fewer makes purging fail), so that
 * two namespace saves purge what came before.
 */
class HdfsChangeFeedPurgeTest {
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  @TempDir static Path clusterFolder;
  private static MiniHdfs cluster;
  private static DistributedFileSystem client;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster =
        MiniHdfs.start(
            clusterFolder,
            Map.of(
                "dfs.namenode.num.checkpoints.retained", "1",
                "dfs.namenode.num.extra.edits.retained", "2"));
    client = cluster.client();
    client.mkdirs(new org.apache.hadoop.fs.Path("/mount"));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void editsPurgedPastTheCursorAreLostEventsAndTheFeedGoesOn() throws Exception {
    try (UnderFileSystem ufs =
        new HdfsUnderFileSystemFactory().create(cluster.uri("/mount"), Map.of())) {
      FeedCursor cursor;
      try (ChangeFeed feed = ufs.openChangeFeed(null, POLL_INTERVAL)) {
        create("/mount/before");
        new FeedEvents(feed).until(of(CONTENT, "/before"));
        cursor = feed.cursor();
      }
      create("/mount/unseen");
      for (int i = 0; i < 2; i++) {
        client.rollEdits();
        client.setSafeMode(SafeModeAction.ENTER);
        client.saveNamespace();
        client.setSafeMode(SafeModeAction.LEAVE);
      }

      try (ChangeFeed feed = ufs.openChangeFeed(cursor, POLL_INTERVAL)) {
        FeedEvents events = new FeedEvents(feed);
        create("/mount/after");

        assertThat(events.until(of(CREATE, "/after"))).doesNotContain(of(CREATE, "/unseen"));
        assertThat(events.eventsLost()).isTrue();
        assertThat(Long.parseLong(feed.cursor().value()))
            .isGreaterThan(Long.parseLong(cursor.value()));
      }
    }
  }

  private static void create(String path) throws IOException {
    client.create(new org.apache.hadoop.fs.Path(path)).close();
  }
}
