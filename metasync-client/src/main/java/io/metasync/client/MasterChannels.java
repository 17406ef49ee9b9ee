package io.metasync.client;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.stub.MetadataUtils;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.Ticker;
import io.metasync.proto.MetasyncMasterGrpc;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One gRPC channel per master address, opened on first use (a client of a group of three usually
 * holds one or two), each sending the caller's identity with every call.
 */
final class MasterChannels implements AutoCloseable {
  private final ClientIdentity identity;
  private final ClientTls tls;
  private final Ticker ticker;
  private final Map<MasterAddress, Opened> opened = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private record Opened(ManagedChannel channel, MasterStubs stubs) {}

  MasterChannels(ClientIdentity identity, ClientTls tls, Ticker ticker) {
    this.identity = identity;
    this.tls = tls;
    this.ticker = ticker;
  }

  /**
   * The stubs of the channel to {@code address}.
   *
   * @throws MetasyncException UNAVAILABLE once the client is closed
   */
  MasterStubs stubs(MasterAddress address) {
    checkOpen();
    Opened channel = opened.computeIfAbsent(address, this::open);
    // close() may have run between the check and the opening: then close what it missed
    if (closed) {
      close();
      checkOpen();
    }
    return channel.stubs();
  }

  /**
   * Makes a channel whose last connection failed try again at its next call: gRPC otherwise fails
   * calls at once for up to two minutes after a refused connection, which would hide a restarted
   * master from this client.
   */
  void retryConnection(MasterAddress address) {
    Opened channel = opened.get(address);
    if (channel != null) {
      channel.channel().resetConnectBackoff();
    }
  }

  private Opened open(MasterAddress address) {
    ManagedChannel channel =
        Grpc.newChannelBuilderForAddress(address.host(), address.port(), tls.credentials())
            .intercept(MetadataUtils.newAttachHeadersInterceptor(identity.headers()))
            .build();
    return new Opened(
        channel,
        new MasterStubs(
            address,
            MetasyncMasterGrpc.newBlockingStub(channel),
            MetasyncMasterGrpc.newStub(channel)));
  }

  private void checkOpen() {
    if (closed) {
      throw new MetasyncException(
          ErrorCode.UNAVAILABLE, "this metasync client is closed; connect a new one");
    }
  }

  /** Closes every channel, cancelling calls still running after a grace period of 5 s in all. */
  @Override
  public void close() {
    closed = true;
    List<ManagedChannel> channels = opened.values().stream().map(Opened::channel).toList();
    channels.forEach(ManagedChannel::shutdown);
    long deadline = ticker.nanos() + TimeUnit.SECONDS.toNanos(5);
    try {
      for (ManagedChannel channel : channels) {
        long left = Math.max(0, deadline - ticker.nanos());
        if (!channel.awaitTermination(left, TimeUnit.NANOSECONDS)) {
          channel.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      channels.forEach(ManagedChannel::shutdownNow);
      Thread.currentThread().interrupt();
    }
  }
}
