package io.metasync.client;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.metasync.proto.GetMasterInfoRequest;
import io.metasync.proto.MasterInfo;
import io.metasync.proto.MetasyncMasterInfoGrpc;
import java.util.concurrent.TimeUnit;

/**
 * Asks one master where it stands ({@code GetMasterInfo}), whatever its role: unlike {@link
 * MetasyncClient}, never redirected to the leader.
 */
public final class MasterStatuses {
  private static final long DEADLINE_SECONDS = 10;

  private MasterStatuses() {}

  /**
   * @throws io.metasync.common.MetasyncException UNAVAILABLE when the master does not answer
   */
  public static MasterStatus of(String host, int port, ClientIdentity identity, ClientTls tls) {
    ManagedChannel channel =
        Grpc.newChannelBuilderForAddress(host, port, tls.credentials())
            .intercept(MetadataUtils.newAttachHeadersInterceptor(identity.headers()))
            .build();
    try {
      MasterInfo info =
          MetasyncMasterInfoGrpc.newBlockingStub(channel)
              .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
              .getMasterInfo(GetMasterInfoRequest.getDefaultInstance());
      return new MasterStatus(
          info.getRole(),
          info.getTerm(),
          info.getAppliedIndex(),
          info.getPeerId(),
          info.getRpcAddress(),
          info.getWebAddress(),
          info.getLeaderPeerId(),
          info.getLeaderRpcAddress(),
          info.getPeersList(),
          info.getVersion(),
          info.getInodeCount());
    } catch (StatusRuntimeException e) {
      throw new GrpcErrors(host + ":" + port).toMetasyncException(e);
    } finally {
      channel.shutdownNow();
    }
  }
}
