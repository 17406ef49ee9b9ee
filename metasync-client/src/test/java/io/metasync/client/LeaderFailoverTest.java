package io.metasync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.client.FakeMasters.Leader;
import io.metasync.client.FakeMasters.SeenCall;
import io.metasync.client.FakeMasters.Standby;
import io.metasync.common.CreateOptions;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client of a group of fake masters on real gRPC servers: a dead address, standbys with and
 * without a leader hint, and leaders.
 */
class LeaderFailoverTest {
  private static final Duration PATIENT = Duration.ofSeconds(5);

  private static MasterAddress dead;
  private static Leader leader;
  private static Leader otherLeader;
  private static Standby standby;
  private static Standby hintingStandby;
  private final List<MetasyncClient> clients = new ArrayList<>();

  @BeforeAll
  static void startMasters() {
    dead = FakeMasters.deadMaster();
    leader = new Leader();
    otherLeader = new Leader();
    standby = new Standby(Optional.empty());
    hintingStandby = new Standby(Optional.of(leader.address()));
  }

  @AfterAll
  static void stopMasters() {
    leader.close();
    otherLeader.close();
    standby.close();
    hintingStandby.close();
  }

  @BeforeEach
  void forgetCalls() {
    for (Leader master : List.of(leader, otherLeader)) {
      master.recorder.calls.clear();
      master.uploads.clear();
      master.breakListings = false;
      master.breakWritesAfterChunks = -1;
    }
    standby.recorder.calls.clear();
    hintingStandby.recorder.calls.clear();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(MetasyncClient::close);
  }

  private MetasyncClient client(Duration retry, MasterAddress... masters) {
    MetasyncClient client =
        MetasyncClient.connect(
            new MasterGroup(List.of(masters), retry),
            TestServer.DEFAULTS,
            ClientIdentity.of("alice"),
            ClientTls.PLAIN);
    clients.add(client);
    return client;
  }

  @Test
  void callReachesTheLeaderPastADeadMasterAndAStandbyAndLaterCallsGoThereFirst() {
    MetasyncClient client = client(PATIENT, dead, standby.address(), leader.address());

    FileStatus first = client.getStatus("/a");
    FileStatus second = client.getStatus("/b");

    assertThat(first.owner()).isEqualTo(leader.address().toString());
    assertThat(second.owner()).isEqualTo(leader.address().toString());
    assertThat(standby.recorder.of("GetStatus")).hasSize(1);
    assertThat(leader.recorder.of("GetStatus")).hasSize(2);
  }

  @Test
  void standbyHintLeadsStraightToALeaderOffTheList() {
    MetasyncClient client = client(PATIENT, hintingStandby.address(), standby.address());

    assertThat(client.getStatus("/a").owner()).isEqualTo(leader.address().toString());

    assertThat(hintingStandby.recorder.calls).hasSize(1);
    assertThat(standby.recorder.calls).isEmpty();
  }

  @Test
  void unavailableSentByTheMasterReachesTheCallerWithoutRetry() {
    MetasyncClient client = client(PATIENT, leader.address(), otherLeader.address());

    assertThatThrownBy(() -> client.getStatus("/ufs-down"))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
        .hasMessage("cannot list hdfs://nn:8020/ufs-down: connection refused");
    assertThat(leader.recorder.calls).hasSize(1);
    assertThat(otherLeader.recorder.calls).isEmpty();
  }

  @Test
  void retriesOfOneMutationCarryItsIdsAndTheNextMutationHasAnotherCallId() {
    MetasyncClient client = client(PATIENT, standby.address(), leader.address());

    client.createDirectory("/d1", true);
    client.createDirectory("/d2", true);
    client.getStatus("/d1");

    SeenCall atStandby = standby.recorder.of("CreateDirectory").get(0);
    List<SeenCall> atLeader = leader.recorder.of("CreateDirectory");
    assertThat(atStandby.clientId()).isNotBlank();
    assertThat(atStandby.callId()).matches("\\d+");
    assertThat(atLeader.get(0).clientId()).isEqualTo(atStandby.clientId());
    assertThat(atLeader.get(0).callId()).isEqualTo(atStandby.callId());
    assertThat(atStandby.attempt()).isEqualTo("1");
    assertThat(atLeader.get(0).attempt()).isEqualTo("2");
    assertThat(atLeader.get(1).clientId()).isEqualTo(atStandby.clientId());
    assertThat(atLeader.get(1).callId()).isNotEqualTo(atStandby.callId());
    assertThat(atLeader.get(1).attempt()).isEqualTo("1");
    assertThat(leader.recorder.of("GetStatus").get(0).callId()).isNull();
    assertThat(leader.recorder.of("GetStatus").get(0).attempt()).isNull();
  }

  @Test
  void concurrentMutationsFromOneClientEachReachTheLeaderOnceWithTheirOwnCallId() throws Exception {
    MetasyncClient client = client(PATIENT, dead, standby.address(), leader.address());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<FileStatus>> created = new ArrayList<>();
      for (int i = 0; i < 160; i++) {
        String path = "/c" + i;
        created.add(threads.submit(() -> client.createDirectory(path, true)));
      }
      for (Future<FileStatus> each : created) {
        assertThat(each.get().owner()).isEqualTo(leader.address().toString());
      }
    } finally {
      threads.shutdownNow();
    }

    List<SeenCall> atLeader = leader.recorder.of("CreateDirectory");
    assertThat(atLeader).hasSize(160);
    assertThat(atLeader.stream().map(SeenCall::callId).distinct()).hasSize(160);
    assertThat(atLeader.stream().map(SeenCall::clientId).distinct()).hasSize(1);
  }

  @Test
  void twoClientsHaveDifferentClientIds() {
    client(PATIENT, leader.address()).createDirectory("/d", true);
    client(PATIENT, leader.address()).createDirectory("/d", true);

    List<SeenCall> calls = leader.recorder.of("CreateDirectory");
    assertThat(calls.get(0).clientId()).isNotEqualTo(calls.get(1).clientId());
  }

  @Test
  void noLeaderWithinTheRetryDurationNamesEveryMasterTriedAndWhy() {
    MetasyncClient client = client(Duration.ofMillis(300), dead, standby.address());

    assertThatThrownBy(() -> client.createDirectory("/d", true))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
        .hasMessageStartingWith("found no leading master within 300ms")
        .hasMessageContaining("metasync.user.rpc.retry.duration")
        .hasMessageContaining(dead + " was unreachable")
        .hasMessageContaining(standby.address() + " was a standby that knows no leader yet")
        .hasMessageContaining("masters " + dead + "," + standby.address());
    assertThat(standby.recorder.calls.size()).isGreaterThan(1);
  }

  @Test
  void singleMasterThatCannotBeReachedFailsAtOnceAsBefore() {
    MetasyncClient client = client(PATIENT, dead);

    assertThatThrownBy(client::ping)
        .hasMessage(
            "cannot reach the master at "
                + dead
                + " (is it running? start it with bin/metasync master)");
  }

  @Test
  void listingFollowsTheLeaderBeforeItsFirstPage() {
    MetasyncClient client = client(PATIENT, standby.address(), leader.address());

    List<String> paths = new ArrayList<>();
    try (CloseableIterator<FileStatus> listing = client.listStatus("/x", false)) {
      listing.forEachRemaining(status -> paths.add(status.path()));
    }

    assertThat(paths).containsExactly("/x/a", "/x/b");
    assertThat(standby.recorder.of("ListStatus")).hasSize(1);
  }

  @Test
  void listingThatFailsAfterItsFirstPageIsNotRetried() {
    leader.breakListings = true;
    MetasyncClient client = client(PATIENT, leader.address(), otherLeader.address());

    List<String> paths = new ArrayList<>();
    assertThatThrownBy(
            () -> {
              try (CloseableIterator<FileStatus> listing = client.listStatus("/x", false)) {
                listing.forEachRemaining(status -> paths.add(status.path()));
              }
            })
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    assertThat(paths).containsExactly("/x/a", "/x/b");
    assertThat(otherLeader.recorder.calls).isEmpty();
  }

  @Test
  void uploadRefusedByAStandbyIsSentWholeToTheLeaderWithTheSameIds() throws IOException {
    MetasyncClient client = client(PATIENT, standby.address(), leader.address());
    byte[] content = content(3 * MetasyncClient.CHUNK_SIZE + 5);

    FileStatus written = client.createFile("/f", new ByteArrayInputStream(content));

    assertThat(written.length()).isEqualTo(content.length);
    assertThat(leader.uploads)
        .containsExactly(new Leader.Upload("/f", content.length, crc(content), true));
    assertThat(leader.recorder.of("WriteFile"))
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("attempt")
        .containsExactlyElementsOf(standby.recorder.of("WriteFile"));
    assertThat(leader.recorder.of("WriteFile")).extracting(SeenCall::attempt).containsExactly("2");
  }

  @Test
  void uploadCutByALostMasterIsSentAgainWholeToTheNextOne() throws IOException {
    leader.breakWritesAfterChunks = 2;
    MetasyncClient client = client(PATIENT, leader.address(), otherLeader.address());
    byte[] content = content(5 * MetasyncClient.CHUNK_SIZE);

    try (OutputStream out = client.createFile("/g", CreateOptions.hadoop(false))) {
      for (int at = 0; at < content.length; at += 100_000) {
        out.write(content, at, Math.min(100_000, content.length - at));
      }
    }

    assertThat(leader.uploads).extracting(Leader.Upload::completed).containsExactly(false);
    assertThat(otherLeader.uploads)
        .containsExactly(new Leader.Upload("/g", content.length, crc(content), true));
    assertThat(otherLeader.recorder.of("WriteFile"))
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("attempt")
        .containsExactlyElementsOf(leader.recorder.of("WriteFile"));
    assertThat(otherLeader.recorder.of("WriteFile"))
        .extracting(SeenCall::attempt)
        .containsExactly("2");
  }

  @Test
  void uploadCutAfterMoreThanTheClientKeepsFailsSayingToWriteAgain() {
    leader.breakWritesAfterChunks = 10;
    MetasyncClient client = client(PATIENT, leader.address(), otherLeader.address());
    byte[] content = content(12 * MetasyncClient.CHUNK_SIZE);

    assertThatThrownBy(() -> client.createFile("/h", new ByteArrayInputStream(content)))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
        .hasMessageContaining("the upload of /h to the master at " + leader.address())
        .hasMessageContaining("write the file again");
    assertThat(otherLeader.uploads).isEmpty();
  }

  private static byte[] content(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + i / 4099);
    }
    return bytes;
  }

  private static long crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }
}
