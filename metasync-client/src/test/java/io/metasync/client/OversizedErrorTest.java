package io.metasync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.proto.FileInfo;
import io.metasync.proto.GetStatusRequest;
import io.metasync.proto.MetasyncMasterGrpc;
import org.junit.jupiter.api.Test;

/**
 * What the user reads when a master's error message is over gRPC's 8 KiB header limit (the master
 * bounds its own; this is a server that does not): not a bare "http2 exception".
 */
class OversizedErrorTest {
  @Test
  void anErrorOverTheHeaderLimitIsExplainedNotShownAsHttp2Exception() {
    try (TestServer server = TestServer.start(new OversizedErrorMaster());
        MetasyncClient client = server.client()) {
      assertThatThrownBy(() -> client.withOptions(TestServer.DEFAULTS).getStatus("/a"))
          .isInstanceOfSatisfying(
              MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
          .hasMessage(
              "the answer of the master at localhost:"
                  + server.port()
                  + " was over gRPC's 8 KiB header limit (header size exceeded max allowed size"
                  + " (8192)), most likely an error message naming a very long path; see the"
                  + " master's log");
    }
  }

  private static final class OversizedErrorMaster
      extends MetasyncMasterGrpc.MetasyncMasterImplBase {
    @Override
    public void getStatus(GetStatusRequest request, StreamObserver<FileInfo> out) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("x".repeat(10_000)).asRuntimeException());
    }
  }
}
