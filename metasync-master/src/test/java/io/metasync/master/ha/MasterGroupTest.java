package io.metasync.master.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.metasync.common.CallHeaders;
import io.metasync.proto.CallContext;
import io.metasync.proto.CreateDirectoryRequest;
import io.metasync.proto.FileInfo;
import io.metasync.proto.GetStatusRequest;
import io.metasync.proto.MasterInfo;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.proto.RenameRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three masters in one Ratis group (issue 16): one leads and serves, the standbys refuse with the
 * leader's address, a fail-over keeps every acknowledged write, a mutation retried after it is
 * applied once, and a restarted master rejoins as a standby and catches up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MasterGroupTest {
  private static final CallContext CACHED = CallContext.newBuilder().setSyncIntervalMs(-1).build();
  private static final Metadata.Key<String> STANDBY =
      Metadata.Key.of(CallHeaders.STANDBY, Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> LEADER =
      Metadata.Key.of(CallHeaders.LEADER, Metadata.ASCII_STRING_MARSHALLER);

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
  void oneMasterLeadsAndTheStandbysSendClientsToIt() {
    int leader = group.awaitLeader();
    group.stub(leader).createDirectory(mkdir("/from-the-leader"));
    for (int standby : group.running()) {
      if (standby == leader) {
        continue;
      }
      MasterInfo info = group.info(standby);
      assertThat(info.getRole()).isEqualTo("standby");
      assertThat(info.getLeaderRpcAddress()).isEqualTo(group.rpcAddress(leader));
      assertThatThrownBy(() -> group.stub(standby).createDirectory(mkdir("/from-a-standby")))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                assertThat(e.getStatus().getDescription())
                    .contains("is a standby; the leader is " + group.rpcAddress(leader));
                assertThat(e.getTrailers().get(STANDBY)).isEqualTo("true");
                assertThat(e.getTrailers().get(LEADER)).isEqualTo(group.rpcAddress(leader));
              });
      // The standby applied the leader's write: its applied index follows the leader's.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> group.info(standby).getAppliedIndex() >= group.info(leader).getAppliedIndex());
    }
  }

  @Test
  void aFailOverKeepsAcknowledgedWritesAndARetriedMutationIsAppliedOnce() throws Exception {
    int leader = group.awaitLeader();
    String clientId = UUID.randomUUID().toString();
    group.stub(leader).createDirectory(mkdir("/before-fail-over"));
    group.stub(leader).createDirectory(mkdir("/to-rename"));
    FileInfo first = named(group.stub(leader), clientId, 7).createDirectory(mkdir("/retried"));
    RenameRequest rename =
        RenameRequest.newBuilder()
            .setContext(CACHED)
            .setSource("/to-rename")
            .setDestination("/renamed")
            .build();
    named(group.stub(leader), clientId, 8).rename(rename);

    group.stop(leader);
    int next = group.awaitLeader();
    assertThat(next).isNotEqualTo(leader);

    assertThat(stat(next, "/before-fail-over").getType().name()).isEqualTo("DIRECTORY");
    // The same calls again (their answers lost, say): answered, not applied a second time.
    FileInfo again = named(group.stub(next), clientId, 7).createDirectory(mkdir("/retried"));
    assertThat(again.getPath()).isEqualTo(first.getPath());
    FileInfo renamedAgain = named(group.stub(next), clientId, 8).rename(rename);
    assertThat(renamedAgain.getPath()).isEqualTo("/renamed");
    assertThat(stat(next, "/renamed").getType().name()).isEqualTo("DIRECTORY");
    // A new call of the same mutation is a new mutation: the folder is there already.
    assertThatThrownBy(
            () -> named(group.stub(next), clientId, 9).createDirectory(mkdir("/before-fail-over")))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));

    // The old leader, restarted, rejoins as a standby and catches up.
    group.start(leader);
    group.stub(next).createDirectory(mkdir("/after-rejoin"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> group.info(leader).getAppliedIndex() >= group.info(next).getAppliedIndex());
    assertThat(group.info(leader).getRole()).isEqualTo("standby");
  }

  private FileInfo stat(int member, String path) {
    return group
        .stub(member)
        .getStatus(GetStatusRequest.newBuilder().setContext(CACHED).setPath(path).build());
  }

  private static CreateDirectoryRequest mkdir(String path) {
    return CreateDirectoryRequest.newBuilder().setContext(CACHED).setPath(path).build();
  }

  private static MetasyncMasterGrpc.MetasyncMasterBlockingStub named(
      MetasyncMasterGrpc.MetasyncMasterBlockingStub stub, String clientId, long callId) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of(CallHeaders.CLIENT_ID, Metadata.ASCII_STRING_MARSHALLER), clientId);
    headers.put(
        Metadata.Key.of(CallHeaders.CALL_ID, Metadata.ASCII_STRING_MARSHALLER),
        String.valueOf(callId));
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }
}
