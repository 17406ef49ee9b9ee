package io.metasync.ufs.hdfs;

import static io.metasync.ufs.ChangeEvent.of;
import static io.metasync.ufs.ChangeEvent.rename;
import static io.metasync.ufs.ChangeKind.CONTENT;
import static io.metasync.ufs.ChangeKind.CREATE;
import static io.metasync.ufs.ChangeKind.DELETE;
import static io.metasync.ufs.ChangeKind.METADATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HDFS inotify feed of a mount of {@code /mount}, against changes made by a plain Hadoop client
 * (the superuser's, behind metasync's back) on a MiniDFSCluster shared by the class.
 */
class HdfsChangeFeedTest {
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  @TempDir static Path clusterFolder;
  private static MiniHdfs cluster;
  private static DistributedFileSystem client;
  private UnderFileSystem ufs;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster = MiniHdfs.start(clusterFolder);
    client = cluster.client();
    client.mkdirs(hdfs("/mount"));
    client.mkdirs(hdfs("/outside"));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void openUfs() throws IOException {
    ufs = new HdfsUnderFileSystemFactory().create(cluster.uri("/mount"), Map.of());
  }

  @AfterEach
  void closeUfs() throws IOException {
    ufs.close();
  }

  @Test
  void everyKindOfChangeByAHadoopClientArrivesCloseAndTruncateIncluded() throws Exception {
    client.mkdirs(hdfs("/mount/kinds"));
    try (ChangeFeed feed = ufs.openChangeFeed(null, POLL_INTERVAL)) {
      FeedEvents events = new FeedEvents(feed);
      write("/mount/kinds/f", "hello");
      try (OutputStream out = client.append(hdfs("/mount/kinds/f"))) {
        out.write(" world".getBytes(StandardCharsets.UTF_8));
      }
      // to a block boundary, so that HDFS truncates at once rather than through block recovery
      assertThat(client.truncate(hdfs("/mount/kinds/f"), 0)).isTrue();
      client.setPermission(hdfs("/mount/kinds/f"), new FsPermission((short) 0600));
      client.setOwner(hdfs("/mount/kinds/f"), "alice", "staff");
      client.setTimes(hdfs("/mount/kinds/f"), 1_000_000L, -1);
      client.mkdirs(hdfs("/mount/kinds/d"));
      client.rename(hdfs("/mount/kinds/f"), hdfs("/mount/kinds/d/g"));
      client.delete(hdfs("/mount/kinds/d"), true);

      assertThat(events.until(of(DELETE, "/kinds/d")))
          .containsExactly(
              of(CREATE, "/kinds/f"),
              of(CONTENT, "/kinds/f"), // close
              of(CONTENT, "/kinds/f"), // append
              of(CONTENT, "/kinds/f"), // close after the append
              of(CONTENT, "/kinds/f"), // truncate
              of(METADATA, "/kinds/f"), // mode
              of(METADATA, "/kinds/f"), // owner
              of(METADATA, "/kinds/f"), // times
              of(CREATE, "/kinds/d"),
              rename("/kinds/f", "/kinds/d/g"),
              of(DELETE, "/kinds/d"));
      assertThat(events.eventsLost()).isFalse();
    }
  }

  @Test
  void renamesAcrossTheRootAreArrivalsAndDeparturesAndChangesOutsideAreDropped() throws Exception {
    client.mkdirs(hdfs("/mount/edge"));
    write("/outside/in", "x");
    write("/mount/edge/out", "x");
    write("/mount/edge/a", "x");
    try (ChangeFeed feed = ufs.openChangeFeed(null, POLL_INTERVAL)) {
      FeedEvents events = new FeedEvents(feed);
      client.rename(hdfs("/outside/in"), hdfs("/mount/edge/in"));
      client.rename(hdfs("/mount/edge/out"), hdfs("/outside/out"));
      write("/outside/elsewhere", "x");
      client.rename(hdfs("/mount/edge/a"), hdfs("/mount/edge/b"));

      assertThat(events.until(rename("/edge/a", "/edge/b")))
          .containsExactly(
              of(CREATE, "/edge/in"), of(DELETE, "/edge/out"), rename("/edge/a", "/edge/b"));
    }
  }

  @Test
  void aFeedReopenedFromItsCursorDeliversWhatChangedWhileItWasClosed() throws Exception {
    client.mkdirs(hdfs("/mount/resume"));
    FeedCursor cursor;
    try (ChangeFeed feed = ufs.openChangeFeed(null, POLL_INTERVAL)) {
      write("/mount/resume/a", "x");
      new FeedEvents(feed).until(of(CONTENT, "/resume/a"));
      cursor = feed.cursor();
    }
    write("/mount/resume/b", "x");
    client.delete(hdfs("/mount/resume/a"), false);

    // a new UFS, as after a master restart
    try (UnderFileSystem restarted =
            new HdfsUnderFileSystemFactory().create(cluster.uri("/mount"), Map.of());
        ChangeFeed feed = restarted.openChangeFeed(cursor, POLL_INTERVAL)) {
      FeedEvents events = new FeedEvents(feed);

      assertThat(events.until(of(DELETE, "/resume/a")))
          .containsExactly(
              of(CREATE, "/resume/b"), of(CONTENT, "/resume/b"), of(DELETE, "/resume/a"));
      assertThat(events.eventsLost()).isFalse();
    }
  }

  @Test
  void aCursorThisNameNodeNeverMadeStartsNowWithLostEvents() throws Exception {
    for (String cursor : List.of("999999999", "not-a-txid")) {
      try (ChangeFeed feed = ufs.openChangeFeed(new FeedCursor(cursor), POLL_INTERVAL)) {
        ChangeBatch first = feed.poll(Duration.ofSeconds(1));

        assertThat(first.eventsLost()).as(cursor).isTrue();
        assertThat(Long.parseLong(first.cursor().value())).isLessThan(999999999L);
      }
    }
  }

  @Test
  void aUserOtherThanTheSuperuserIsToldWhatActiveSyncNeeds() throws Exception {
    UserGroupInformation nobody = UserGroupInformation.createRemoteUser("nobody");
    try (UnderFileSystem asNobody =
        nobody.doAs(
            (PrivilegedExceptionAction<UnderFileSystem>)
                () -> new HdfsUnderFileSystemFactory().create(cluster.uri("/mount"), Map.of()))) {

      assertThatThrownBy(() -> asNobody.openChangeFeed(null, POLL_INTERVAL))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("active sync on " + cluster.uri("/mount"))
          .hasMessageContaining("needs the HDFS superuser")
          .hasMessageContaining("dfs.permissions.superusergroup")
          .hasMessageContaining("nobody");
      assertThatThrownBy(() -> asNobody.openChangeFeed(new FeedCursor("1"), POLL_INTERVAL))
          .hasMessageContaining("needs the HDFS superuser");
    }
  }

  @Test
  void followingTheFeedChangesNothingInHdfs() throws Exception {
    write("/mount/untouched", "x");
    long txidBefore = currentTxid();
    FileStatus[] before = client.listStatus(hdfs("/mount"));

    try (ChangeFeed feed = ufs.openChangeFeed(null, POLL_INTERVAL)) {
      feed.watch("/");
      for (int i = 0; i < 5; i++) {
        feed.poll(Duration.ofMillis(50));
      }
      feed.unwatch("/");
    }

    assertThat(currentTxid()).isEqualTo(txidBefore);
    assertThat(client.listStatus(hdfs("/mount"))).containsExactly(before);
  }

  @Test
  void aCreateArrivesWithinMilliseconds() throws Exception {
    client.mkdirs(hdfs("/mount/latency"));
    List<Long> micros = new ArrayList<>();
    try (ChangeFeed feed = ufs.openChangeFeed(null, POLL_INTERVAL)) {
      for (int i = 0; i < 100; i++) {
        String name = "/latency/f" + i;
        // the NameNode has logged and synced the create when the call returns: from then on the
        // event can be read
        client.create(hdfs("/mount" + name)).close();
        long created = System.nanoTime();
        awaitEvent(feed, of(CREATE, name));
        micros.add((System.nanoTime() - created) / 1000);
      }
    }
    Collections.sort(micros);
    long p50 = micros.get(micros.size() / 2);
    long p90 = micros.get(micros.size() * 9 / 10);
    long max = micros.get(micros.size() - 1);
    // printed for the record; bounded loosely, as the machine may be busy
    System.out.printf(
        "HDFS feed: create to event p50 %d µs, p90 %d µs, max %d µs%n", p50, p90, max);
    assertThat(Duration.ofNanos(p50 * 1000)).isLessThan(Duration.ofMillis(100));
    assertThat(Duration.ofNanos(max * 1000)).isLessThan(Duration.ofSeconds(3));
  }

  /**
   * Polls {@code feed} directly (no Awaitility between the feed and the clock) until {@code
   * expected}.
   */
  private static void awaitEvent(ChangeFeed feed, ChangeEvent expected) throws Exception {
    long deadline = System.nanoTime() + FeedEvents.DEADLINE.toNanos();
    while (!feed.poll(Duration.ofSeconds(1)).events().contains(expected)) {
      assertThat(System.nanoTime())
          .as("%s within %s", expected, FeedEvents.DEADLINE)
          .isLessThan(deadline);
    }
  }

  private static long currentTxid() throws IOException {
    return client.getClient().getNamenode().getCurrentEditLogTxid();
  }

  private static void write(String path, String text) throws IOException {
    // replication 1: the cluster has one DataNode, and appends then need no pipeline recovery
    try (OutputStream out = client.create(hdfs(path), true, 4096, (short) 1, 1 << 20)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static org.apache.hadoop.fs.Path hdfs(String path) {
    return new org.apache.hadoop.fs.Path(path);
  }
}
