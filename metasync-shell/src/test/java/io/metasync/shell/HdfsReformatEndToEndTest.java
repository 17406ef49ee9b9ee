package io.metasync.shell;

import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.StatusRuntimeException;
import io.metasync.master.MasterFixture;
import io.metasync.master.RpcCalls;
import io.metasync.proto.SyncPointInfo;
import io.metasync.ufs.hdfs.MiniHdfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NameNode behind an HDFS sync point is stopped and reformatted (a new namespace on the same
 * port, its transaction ids starting again below the feed's cursor): {@code getSyncPathList} shows
 * the failing feed while it is down, never {@code idle}, and once the new NameNode answers the
 * cache converges on its namespace with interval -1 and nobody calling with interval 0.
 */
class HdfsReformatEndToEndTest {
  private static final Map<String, String> FAST =
      Map.of(
          "metasync.master.activesync.interval", "200ms", "metasync.master.activesync.maxage", "3");
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path clusters;
  @TempDir Path masterFolder;
  private MiniHdfs hdfs;

  @AfterEach
  void stopCluster() {
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  void aReformattedNameNodeShowsAsAFailingFeedThenTheCacheConvergesOnItsNamespace()
      throws Exception {
    hdfs = MiniHdfs.start(clusters.resolve("first"));
    write("/data/watched/old-1");
    write("/data/watched/old-2");
    try (MasterFixture master = MasterFixture.start(masterFolder, UnaryOperator.identity(), FAST)) {
      RpcCalls calls = new RpcCalls(master);
      calls.mount("/data", hdfs.uri("/data").toString(), false);
      calls.startSync("/data/watched");
      // enough transactions that the new namespace's ids stay below the feed's cursor
      for (int i = 3; i <= 12; i++) {
        write("/data/watched/old-" + i);
      }
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () -> assertThat(calls.names("/data/watched", NEVER)).hasSize(12).contains("old-12"));

      hdfs.stopNameNode();
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(syncPoint(calls))
                      .satisfies(
                          point -> {
                            assertThat(point.getState()).isEqualTo("FEED_FAILING");
                            assertThat(point.getFailure()).contains(hdfs.uri().toString());
                            assertThat(point.getFailures()).isPositive();
                          }));
      // cached answers keep coming while HDFS is down
      assertThat(calls.names("/data/watched", NEVER)).hasSize(12);

      hdfs = hdfs.reformat(clusters.resolve("second"));
      write("/data/watched/new-1");
      // a sync between the new NameNode's start and this write finds /data/watched gone for a while
      await()
          .atMost(DEADLINE)
          .ignoreExceptionsInstanceOf(StatusRuntimeException.class)
          .untilAsserted(
              () -> assertThat(calls.names("/data/watched", NEVER)).containsExactly("new-1"));
      await().atMost(DEADLINE).until(() -> syncPoint(calls).getState().equals("IDLE"));
      assertThat(syncPoint(calls).getFailures()).isZero();

      // and the feed follows the new namespace
      write("/data/watched/new-2");
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.names("/data/watched", NEVER))
                      .containsExactly("new-1", "new-2"));
    }
  }

  private static SyncPointInfo syncPoint(RpcCalls calls) {
    return calls.syncPoints().get(0);
  }

  private void write(String path) throws IOException {
    DistributedFileSystem client = hdfs.client();
    try (OutputStream out = client.create(new org.apache.hadoop.fs.Path(path), false)) {
      out.write(path.getBytes(StandardCharsets.UTF_8));
    }
  }
}
