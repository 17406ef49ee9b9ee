package io.metasync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.metasync.common.ErrorCode;
import io.metasync.common.FileType;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.SyncInterval;
import io.metasync.proto.FileInfo;
import io.metasync.proto.GetMountTableRequest;
import io.metasync.proto.GetMountTableResponse;
import io.metasync.proto.GetStatusRequest;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.proto.MountRequest;
import io.metasync.proto.MountResponse;
import io.metasync.proto.SetAttributeRequest;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UnaryCallTest {
  private static final FileInfo FILE =
      FileInfo.newBuilder()
          .setPath("/a/b.txt")
          .setType(io.metasync.proto.FileType.FILE)
          .setLength(12)
          .setLastModifiedMs(1_700_000_000_123L)
          .setOwner("alice")
          .setGroup("staff")
          .setMode(0644)
          .setUfsUri("file:///data/a/b.txt")
          .setLastSyncedMs(1_700_000_001_000L)
          .build();

  private static final RecordingMaster master = new RecordingMaster();
  private static TestServer server;
  private static MetasyncClient client;

  @BeforeAll
  static void startServer() {
    server = TestServer.start(master);
    client = server.client();
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.close();
  }

  @Test
  void getStatusConvertsTheFileInfo() {
    assertThat(client.getStatus("/a/b.txt"))
        .isEqualTo(
            new FileStatus(
                "/a/b.txt",
                FileType.FILE,
                12,
                1_700_000_000_123L,
                "alice",
                "staff",
                0644,
                "file:///data/a/b.txt",
                1_700_000_001_000L,
                false));
  }

  @Test
  void aViewCallsWithItsOptionsOnTheSameChannelAndLeavesTheClientsAlone() {
    CallOptions fresh = new CallOptions(SyncInterval.ALWAYS, LoadType.ALWAYS);
    MetasyncClient view = client.withOptions(fresh);

    view.getStatus("/a/b.txt");
    GetStatusRequest viaView = (GetStatusRequest) master.lastRequest.get();
    client.getStatus("/a/b.txt");
    GetStatusRequest viaClient = (GetStatusRequest) master.lastRequest.get();

    assertThat(view.options()).isEqualTo(fresh);
    assertThat(client.options()).isEqualTo(TestServer.DEFAULTS);
    assertThat(client.withOptions(TestServer.DEFAULTS)).isSameAs(client);
    assertThat(viaView.getContext().getSyncIntervalMs()).isZero();
    assertThat(viaView.getContext().getLoadType()).isEqualTo(io.metasync.proto.LoadType.ALWAYS);
    assertThat(viaClient.getContext().getSyncIntervalMs()).isEqualTo(-1);
    assertThat(viaClient.getContext().getUser()).isEqualTo(viaView.getContext().getUser());
  }

  @Test
  void everyCallCarriesTheUserAndTheCallOptions() {
    client.withOptions(new CallOptions(SyncInterval.ALWAYS, LoadType.ALWAYS)).getStatus("/a/b.txt");

    GetStatusRequest request = (GetStatusRequest) master.lastRequest.get();
    assertThat(request.getContext().getUser()).isEqualTo(System.getProperty("user.name"));
    assertThat(request.getContext().getSyncIntervalMs()).isZero();
    assertThat(request.getContext().getLoadType()).isEqualTo(io.metasync.proto.LoadType.ALWAYS);
  }

  @Test
  void callWithoutOptionsUsesTheClientDefaults() {
    client.getStatus("/a/b.txt");

    GetStatusRequest request = (GetStatusRequest) master.lastRequest.get();
    assertThat(request.getContext().hasSyncIntervalMs()).isTrue();
    assertThat(request.getContext().getSyncIntervalMs()).isEqualTo(-1);
    assertThat(request.getContext().getLoadType()).isEqualTo(io.metasync.proto.LoadType.ONCE);
  }

  @Test
  void errorOfTheMasterBecomesMetasyncExceptionWithItsCodeAndMessage() {
    assertThatThrownBy(() -> client.getStatus("/missing"))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessage("/missing does not exist");
  }

  @Test
  void setOwnerWithNullGroupLeavesTheGroupUnset() {
    client.setOwner("/a/b.txt", "bob", null);

    SetAttributeRequest request = (SetAttributeRequest) master.lastRequest.get();
    assertThat(request.getOwner()).isEqualTo("bob");
    assertThat(request.hasGroup()).isFalse();
    assertThat(request.hasMode()).isFalse();
  }

  @Test
  void setModeSendsOnlyTheMode() {
    client.setMode("/a/b.txt", 0750);

    SetAttributeRequest request = (SetAttributeRequest) master.lastRequest.get();
    assertThat(request.getMode()).isEqualTo(0750);
    assertThat(request.hasOwner()).isFalse();
    assertThat(request.hasGroup()).isFalse();
  }

  @Test
  void mountSendsTheOptions() {
    client.mount("/hdfs", "hdfs://nn:8020/x", new MountOptions(true, false, Map.of("k", "v")));

    MountRequest request = (MountRequest) master.lastRequest.get();
    assertThat(request.getUfsUri()).isEqualTo("hdfs://nn:8020/x");
    assertThat(request.getReadOnly()).isTrue();
    assertThat(request.getShared()).isFalse();
    assertThat(request.getOptionsMap()).containsExactly(Map.entry("k", "v"));
  }

  @Test
  void mountTableConvertsEveryMount() {
    assertThat(client.mountTable())
        .containsExactly(
            new MountInfo("/", "file:///data", false, false, Map.of()),
            new MountInfo("/hdfs", "hdfs://nn:8020/x", true, true, Map.of("k", "v")));
  }

  @Test
  void unreachableMasterSaysWhereItWasLookedFor() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    try (MetasyncClient absent =
        MetasyncClient.connect("localhost", freePort, TestServer.DEFAULTS)) {
      assertThatThrownBy(absent::ping)
          .isInstanceOfSatisfying(
              MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
          .hasMessage(
              "cannot reach the master at localhost:"
                  + freePort
                  + " (is it running? start it with bin/metasync master)");
    }
  }

  /** Answers a few unary calls and remembers the last request. */
  private static final class RecordingMaster extends MetasyncMasterGrpc.MetasyncMasterImplBase {
    final AtomicReference<Object> lastRequest = new AtomicReference<>();

    @Override
    public void getStatus(GetStatusRequest request, StreamObserver<FileInfo> responses) {
      lastRequest.set(request);
      if (request.getPath().equals("/missing")) {
        responses.onError(
            Status.NOT_FOUND.withDescription("/missing does not exist").asRuntimeException());
        return;
      }
      responses.onNext(FILE);
      responses.onCompleted();
    }

    @Override
    public void setAttribute(SetAttributeRequest request, StreamObserver<FileInfo> responses) {
      lastRequest.set(request);
      responses.onNext(FILE);
      responses.onCompleted();
    }

    @Override
    public void mount(MountRequest request, StreamObserver<MountResponse> responses) {
      lastRequest.set(request);
      responses.onNext(MountResponse.getDefaultInstance());
      responses.onCompleted();
    }

    @Override
    public void getMountTable(
        GetMountTableRequest request, StreamObserver<GetMountTableResponse> responses) {
      lastRequest.set(request);
      responses.onNext(
          GetMountTableResponse.newBuilder()
              .addAllMounts(
                  List.of(
                      io.metasync.proto.MountInfo.newBuilder()
                          .setPath("/")
                          .setUfsUri("file:///data")
                          .build(),
                      io.metasync.proto.MountInfo.newBuilder()
                          .setPath("/hdfs")
                          .setUfsUri("hdfs://nn:8020/x")
                          .setReadOnly(true)
                          .setShared(true)
                          .putOptions("k", "v")
                          .build()))
              .build());
      responses.onCompleted();
    }
  }
}
