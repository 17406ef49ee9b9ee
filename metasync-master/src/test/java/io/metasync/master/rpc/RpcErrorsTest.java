package io.metasync.master.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.proto.FileInfo;
import io.metasync.proto.GetStatusRequest;
import io.metasync.proto.MetasyncMasterGrpc;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RpcErrorsTest {
  @Test
  void aShortMessageTravelsWhole() {
    StatusRuntimeException status =
        RpcErrors.toStatus(MetasyncException.invalidArgument("bad path /a"));

    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getStatus().getDescription()).isEqualTo("bad path /a");
  }

  @Test
  void aLongMessageKeepsItsStartAndItsEndAndSaysHowMuchIsLeftOut() {
    String message = "cannot use " + "a".repeat(20_000) + "; use a shorter path";

    String bounded = RpcErrors.bounded(message);

    assertThat(RpcErrors.headerBytes(bounded)).isLessThanOrEqualTo(RpcErrors.MAX_DESCRIPTION_BYTES);
    assertThat(bounded)
        .startsWith("cannot use aaa")
        .contains(" characters left out ...] ")
        .endsWith("aaa; use a shorter path");
  }

  @Test
  void nonAsciiTextIsBoundedByItsEncodedSize() {
    String message = "ü€😀".repeat(2_000);

    String bounded = RpcErrors.bounded(message);

    assertThat(RpcErrors.headerBytes(bounded)).isLessThanOrEqualTo(RpcErrors.MAX_DESCRIPTION_BYTES);
    assertThat(bounded).startsWith("ü€😀").endsWith("ü€😀");
  }

  @Test
  void aBugIsInternalSaidInWordsAndPointsToTheLog() {
    StatusRuntimeException status = RpcErrors.toStatus(new IllegalStateException("no inode 7"));

    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getStatus().getDescription())
        .isEqualTo("internal error in the master: no inode 7 (see the master's log)");
  }

  @Test
  void aMessageOverTheHeaderLimitReachesAClientOverRealGrpcShortened() throws Exception {
    String path = "/" + "b".repeat(30_000);
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("localhost", 0))
            .addService(new FailingMaster(path + " does not exist"))
            .build()
            .start();
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("localhost", server.getPort()).usePlaintext().build();
    try {
      assertThatThrownBy(
              () ->
                  MetasyncMasterGrpc.newBlockingStub(channel)
                      .getStatus(GetStatusRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                assertThat(e.getStatus().getDescription())
                    .startsWith("/bbb")
                    .contains("characters left out")
                    .endsWith("bbb does not exist");
              });
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Fails every getStatus with NOT_FOUND and {@code message}, through {@link RpcErrors}. */
  private static final class FailingMaster extends MetasyncMasterGrpc.MetasyncMasterImplBase {
    private final String message;

    FailingMaster(String message) {
      this.message = message;
    }

    @Override
    public void getStatus(GetStatusRequest request, StreamObserver<FileInfo> out) {
      out.onError(RpcErrors.toStatus(new MetasyncException(ErrorCode.NOT_FOUND, message)));
    }
  }
}
