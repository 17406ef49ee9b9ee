package io.metasync.master.journal;

import static io.metasync.master.journal.RecordingState.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.metasync.common.MetasyncConfiguration;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three peers in one JVM: a follower stopped while the leader snapshots and purges its log past the
 * follower's index catches up, on restart, from the snapshot Ratis installs (checkpoint files
 * included), then applies later entries from the log.
 */
class RatisJournalSnapshotInstallTest {
  private static final int PEERS = 3;
  private static final Duration CATCH_UP = Duration.ofSeconds(20);

  @TempDir Path folder;

  private final RatisJournal[] journals = new RatisJournal[PEERS];
  private final CheckpointedState[] states = new CheckpointedState[PEERS];
  private final List<String> addresses = new ArrayList<>();

  @AfterEach
  void closeJournals() {
    for (RatisJournal journal : journals) {
      if (journal != null) {
        journal.close();
      }
    }
  }

  @Test
  void followerBehindThePurgedLogCatchesUpFromAnInstalledSnapshotWithItsCheckpoint()
      throws Exception {
    for (int i = 0; i < PEERS; i++) {
      addresses.add("localhost:" + freePort());
    }
    List<CompletableFuture<Void>> opened = new ArrayList<>();
    for (int i = 0; i < PEERS; i++) {
      int peer = i;
      opened.add(CompletableFuture.runAsync(() -> open(peer)));
    }
    CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get();
    int leader = awaitLeader();
    int follower = (leader + 1) % PEERS;
    write(leader, "a", 10);
    await().atMost(CATCH_UP).until(() -> states[follower].names().size() == 10);

    journals[follower].close();
    journals[follower] = null;
    write(leader, "b", 200);
    await().atMost(CATCH_UP).until(() -> firstLogIndex(leader) > 20);

    open(follower);
    await().atMost(CATCH_UP).until(() -> states[follower].names().size() == 210);
    assertThat(states[follower].snapshotLoads()).isGreaterThanOrEqualTo(1);
    assertThat(states[follower].loadedFromSnapshot()).isGreaterThan(10);
    try (Stream<Path> installed = Files.walk(stateMachineFolder(follower))) {
      assertThat(installed.map(path -> path.getFileName().toString()))
          .contains(CheckpointedState.CHECKPOINT_FILE);
    }

    write(awaitLeader(), "c", 5);
    List<String> expected = new ArrayList<>();
    IntStream.range(0, 10).forEach(i -> expected.add("a" + i));
    IntStream.range(0, 200).forEach(i -> expected.add("b" + i));
    IntStream.range(0, 5).forEach(i -> expected.add("c" + i));
    await().atMost(CATCH_UP).until(() -> states[follower].names().size() == 215);
    assertThat(states[follower].names()).containsExactlyElementsOf(expected);
  }

  private void open(int peer) {
    states[peer] = new CheckpointedState();
    journals[peer] = RatisJournal.open(configuration(peer), states[peer]);
  }

  private MetasyncConfiguration configuration(int peer) {
    String address = addresses.get(peer);
    return MetasyncConfiguration.of(
        Map.of(
            "metasync.master.journal.folder", folder.resolve("m" + peer).toString(),
            "metasync.master.hostname", "localhost",
            "metasync.master.journal.port", address.substring(address.indexOf(':') + 1),
            "metasync.master.journal.peers", String.join(",", addresses),
            "metasync.master.journal.election.timeout", "1s",
            "metasync.master.journal.checkpoint.period.entries", "20",
            "metasync.master.journal.log.retained.entries", "5",
            "metasync.master.journal.log.segment.bytes", "1024"));
  }

  private int awaitLeader() {
    int[] leader = {-1};
    await()
        .atMost(CATCH_UP)
        .until(
            () -> {
              for (int i = 0; i < PEERS; i++) {
                if (journals[i] != null && journals[i].role().serves()) {
                  leader[0] = i;
                  return true;
                }
              }
              return false;
            });
    return leader[0];
  }

  private void write(int leader, String prefix, int count) {
    for (int i = 0; i < count; i++) {
      journals[leader].write(entry(prefix + i));
    }
  }

  private Path groupFolder(int peer) throws IOException {
    try (Stream<Path> groups = Files.list(folder.resolve("m" + peer).resolve("raft"))) {
      return groups.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  private Path stateMachineFolder(int peer) throws IOException {
    return groupFolder(peer).resolve("sm");
  }

  /** The first index in the leader's closed log segments ({@code log_<first>-<last>}). */
  private long firstLogIndex(int peer) throws IOException {
    try (Stream<Path> segments = Files.list(groupFolder(peer).resolve("current"))) {
      return segments
          .map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith("log_"))
          .map(name -> name.substring("log_".length()).replace("inprogress_", ""))
          .mapToLong(name -> Long.parseLong(name.split("-")[0]))
          .min()
          .orElse(0);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
