package io.metasync.shell;

import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.metasync.master.RpcCalls;
import io.metasync.master.ha.MasterGroup;
import io.metasync.ufs.hdfs.MiniHdfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Active sync of an HDFS mount across a fail-over (issue 16): three masters in one journal group
 * and a MiniDFSCluster; the leader follows the HDFS change feed, stops, and the new leader resumes
 * the feed from the journaled transaction id: the changes made while no master led show with
 * interval -1 on the new leader, without any call asking HDFS.
 */
class HdfsFailoverEndToEndTest {
  private static final Map<String, String> FAST =
      Map.of(
          "metasync.master.activesync.interval", "200ms", "metasync.master.activesync.maxage", "3");
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir static Path clusterFolder;
  @TempDir Path groupFolder;
  private static MiniHdfs hdfs;
  private static DistributedFileSystem client;

  @BeforeAll
  static void startCluster() throws IOException {
    hdfs = MiniHdfs.start(clusterFolder);
    client = hdfs.client();
  }

  @AfterAll
  static void stopCluster() {
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  void theNewLeaderResumesTheHdfsFeedAndShowsTheChangesMadeDuringTheFailOver() throws Exception {
    client.mkdirs(hdfs("/ha/watched"));
    write("/ha/watched/before", "before");
    try (MasterGroup group = new MasterGroup(groupFolder, FAST).startAll()) {
      int leader = group.awaitLeader();
      RpcCalls first = new RpcCalls(group.channel(leader));
      first.mount("/ha", hdfs.uri("/ha").toString(), false);
      first.startSync("/ha/watched");
      write("/ha/watched/while-leading", "up");
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(first.names("/ha/watched", NEVER))
                      .containsExactlyInAnyOrder("before", "while-leading"));

      group.stop(leader);
      write("/ha/watched/during-fail-over", "x");
      client.delete(hdfs("/ha/watched/before"), false);

      int next = group.awaitLeader();
      RpcCalls second = new RpcCalls(group.channel(next));
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(second.names("/ha/watched", NEVER))
                      .containsExactlyInAnyOrder("while-leading", "during-fail-over"));
      assertThat(second.syncPoints()).extracting(info -> info.getPath()).contains("/ha/watched");
    }
  }

  private static org.apache.hadoop.fs.Path hdfs(String path) {
    return new org.apache.hadoop.fs.Path(path);
  }

  private static void write(String path, String content) throws IOException {
    try (OutputStream out = client.create(hdfs(path), false)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }
}
