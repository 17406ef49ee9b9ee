package io.metasync.master.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.NamespacePath;
import io.metasync.common.SyncInterval;
import io.metasync.master.MasterFixture;
import io.metasync.master.MasterProcess;
import io.metasync.master.sync.ReadOptions;
import io.metasync.proto.AddJournalPeerRequest;
import io.metasync.proto.CallContext;
import io.metasync.proto.CreateDirectoryRequest;
import io.metasync.proto.GetMasterInfoRequest;
import io.metasync.proto.JournalGroupInfo;
import io.metasync.proto.JournalPeerInfo;
import io.metasync.proto.ListJournalPeersRequest;
import io.metasync.proto.MasterInfo;
import io.metasync.proto.MetasyncJournalAdminGrpc;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.proto.MetasyncMasterInfoGrpc;
import io.metasync.proto.RemoveJournalPeerRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a master to a running three-master group and removing one (issue 16, item 5): real Ratis,
 * real gRPC, every master in this JVM with its own ports and journal folder. The refusals run
 * first, on the group of three; then a fourth master joins and a follower leaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JournalMembershipTest {
  private static final CallContext CACHED = CallContext.newBuilder().setSyncIntervalMs(-1).build();
  private static final String USER = System.getProperty("user.name");

  @TempDir static Path folder;
  private MasterGroup group;

  @BeforeAll
  void startGroup() throws Exception {
    group = new MasterGroup(folder).startAll();
  }

  @AfterAll
  void stopGroup() throws Exception {
    group.close();
  }

  @Test
  @Order(1)
  void refusesBadAddressesKnownPeersTheLeaderStandbysAndNonAdministrators() throws Exception {
    int leader = group.awaitLeader();
    MetasyncJournalAdminGrpc.MetasyncJournalAdminBlockingStub admin = admin(group.channel(leader));
    assertRefused(
        () -> admin.addJournalPeer(add("localhost")),
        Status.Code.INVALID_ARGUMENT,
        "bad journal peer address 'localhost': expected HOST:PORT");
    assertRefused(
        () -> admin.addJournalPeer(add("localhost:70000")),
        Status.Code.INVALID_ARGUMENT,
        "bad journal peer address 'localhost:70000'");
    int follower = (leader + 1) % MasterGroup.SIZE;
    assertRefused(
        () -> admin.addJournalPeer(add(group.journalAddress(follower))),
        Status.Code.ALREADY_EXISTS,
        "cannot add "
            + group.journalAddress(follower)
            + " to the journal group: it is in the group");
    int deadPort = MasterGroup.freePort();
    assertRefused(
        () -> admin.addJournalPeer(add("localhost:" + deadPort)),
        Status.Code.FAILED_PRECONDITION,
        "nothing answers there");
    assertRefused(
        () -> admin.removeJournalPeer(remove("localhost:" + deadPort)),
        Status.Code.NOT_FOUND,
        "cannot remove localhost:"
            + deadPort
            + " from the journal group: no peer has that address");
    assertRefused(
        () -> admin.removeJournalPeer(remove(group.journalAddress(leader))),
        Status.Code.FAILED_PRECONDITION,
        "it is the leader's own peer");
    assertRefused(
        () -> admin(group.channel(follower)).listJournalPeers(list()),
        Status.Code.UNAVAILABLE,
        "is a standby; the leader is " + group.rpcAddress(leader));
    int leaderRpcPort = Integer.parseInt(group.rpcAddress(leader).split(":")[1]);
    ManagedChannel stranger = MasterFixture.channelAs(leaderRpcPort, "not-" + USER);
    try {
      assertRefused(
          () -> admin(stranger).removeJournalPeer(remove(group.journalAddress(follower))),
          Status.Code.PERMISSION_DENIED,
          "user not-" + USER + " may not remove " + group.journalAddress(follower));
      // anyone may look
      assertThat(admin(stranger).listJournalPeers(list()).getPeersCount()).isEqualTo(3);
    } finally {
      stranger.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(2)
  void refusesAMasterStartedWithoutJoin() throws Exception {
    int leader = group.awaitLeader();
    int journalPort = MasterGroup.freePort();
    MetasyncConfiguration withoutJoin =
        group
            .joinerConf("journal-without-join", MasterGroup.freePort(), journalPort)
            .with(Map.of("metasync.master.journal.join", "false"));
    try (MasterProcess started = MasterProcess.start(withoutJoin)) {
      // it took the fourth place of its peers list as its id, and a group of its own
      assertRefused(
          () -> admin(group.channel(leader)).addJournalPeer(add("localhost:" + journalPort)),
          Status.Code.FAILED_PRECONDITION,
          "the master there calls itself m4, not localhost_" + journalPort);
      assertThat(admin(group.channel(leader)).listJournalPeers(list()).getPeersCount())
          .isEqualTo(3);
    }
  }

  @Test
  @Order(3)
  void aJoiningMasterCatchesUpAndAFollowerLeaves() throws Exception {
    int leader = group.awaitLeader();
    for (int i = 0; i < 20; i++) {
      group.stub(leader).createDirectory(mkdir("/before-join-" + i));
    }
    int rpcPort = MasterGroup.freePort();
    int journalPort = MasterGroup.freePort();
    String joinerJournal = "localhost:" + journalPort;
    try (MasterProcess joiner =
        MasterProcess.start(group.joinerConf("journal-joiner", rpcPort, journalPort))) {
      ManagedChannel channel = MasterFixture.channelAs(rpcPort, USER);
      try {
        JournalGroupInfo added = admin(group.channel(leader)).addJournalPeer(add(joinerJournal));

        assertThat(added.getPeersList())
            .extracting(JournalPeerInfo::getAddress)
            .contains(joinerJournal)
            .hasSize(4);
        JournalPeerInfo joined = peer(added, joinerJournal);
        assertThat(joined.getId()).isEqualTo("localhost_" + journalPort);
        assertThat(joined.getRole()).isEqualTo("follower");
        long leaderApplied = group.info(leader).getAppliedIndex();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> info(channel).getAppliedIndex() >= leaderApplied);
        ReadOptions storeOnly = new ReadOptions(SyncInterval.NEVER, LoadType.NEVER);
        for (int i = 0; i < 20; i++) {
          assertThat(
                  joiner
                      .namespace()
                      .reads()
                      .getStatus(NamespacePath.parse("/before-join-" + i), storeOnly))
              .isNotNull();
        }
        // a standby like the others: it sends clients to the leader
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> group.rpcAddress(leader).equals(info(channel).getLeaderRpcAddress()));
        assertThat(info(channel).getRole()).isEqualTo("standby");
        assertThatThrownBy(
                () ->
                    MetasyncMasterGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .createDirectory(mkdir("/at-the-joiner")))
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e ->
                    assertThat(e.getStatus().getDescription())
                        .contains("the leader is " + group.rpcAddress(leader)));

        int leaving = (leader + 1) % MasterGroup.SIZE;
        JournalGroupInfo removed =
            admin(group.channel(leader)).removeJournalPeer(remove(group.journalAddress(leaving)));
        group.stop(leaving);

        JournalGroupInfo listed = admin(group.channel(leader)).listJournalPeers(list());
        assertThat(List.of(removed, listed))
            .allSatisfy(
                info ->
                    assertThat(info.getPeersList())
                        .extracting(JournalPeerInfo::getAddress)
                        .hasSize(3)
                        .contains(joinerJournal, group.journalAddress(leader))
                        .doesNotContain(group.journalAddress(leaving)));
        assertThat(peer(listed, group.journalAddress(leader)).getRole()).isEqualTo("leader");
        // the group of three (one of them the new master) still commits and the new one follows
        group.stub(leader).createDirectory(mkdir("/after-remove"));
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(
                            joiner
                                .namespace()
                                .reads()
                                .getStatus(NamespacePath.parse("/after-remove"), storeOnly))
                        .isNotNull());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    // restarted with the same settings, the joined master is the same peer and catches up
    group.stub(leader).createDirectory(mkdir("/while-the-joiner-was-down"));
    try (MasterProcess again =
        MasterProcess.start(group.joinerConf("journal-joiner", rpcPort, journalPort))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () ->
                  again
                          .namespace()
                          .reads()
                          .getStatus(
                              NamespacePath.parse("/while-the-joiner-was-down"),
                              new ReadOptions(SyncInterval.NEVER, LoadType.NEVER))
                      != null);
    }
  }

  private static JournalPeerInfo peer(JournalGroupInfo info, String address) {
    return info.getPeersList().stream()
        .filter(peer -> peer.getAddress().equals(address))
        .findFirst()
        .orElseThrow();
  }

  private static MasterInfo info(ManagedChannel channel) {
    return MetasyncMasterInfoGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .getMasterInfo(GetMasterInfoRequest.getDefaultInstance());
  }

  private static MetasyncJournalAdminGrpc.MetasyncJournalAdminBlockingStub admin(
      ManagedChannel channel) {
    return MetasyncJournalAdminGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.MINUTES);
  }

  private static void assertRefused(Runnable call, Status.Code code, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(code);
              assertThat(e.getStatus().getDescription()).contains(message);
            });
  }

  private static AddJournalPeerRequest add(String address) {
    return AddJournalPeerRequest.newBuilder().setAddress(address).build();
  }

  private static RemoveJournalPeerRequest remove(String address) {
    return RemoveJournalPeerRequest.newBuilder().setAddress(address).build();
  }

  private static ListJournalPeersRequest list() {
    return ListJournalPeersRequest.getDefaultInstance();
  }

  private static CreateDirectoryRequest mkdir(String path) {
    return CreateDirectoryRequest.newBuilder().setContext(CACHED).setPath(path).build();
  }
}
