package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.metasync.common.CallHeaders;
import io.metasync.common.MetasyncException;
import java.util.Optional;
import java.util.Set;

/**
 * Lets a call through only on the master that leads its journal group, and only once that master
 * has confirmed it still leads and has applied every committed entry (a read index: a deposed
 * leader cannot answer from an older state). Anywhere else the call is refused with UNAVAILABLE and
 * the trailers {@code metasync-standby} and, when known, {@code metasync-leader}: clients go there.
 * What a master says about itself ({@code GetMasterInfo}) is answered by every master.
 */
public final class LeaderGate implements ServerInterceptor {
  private static final Metadata.Key<String> STANDBY =
      Metadata.Key.of(CallHeaders.STANDBY, Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> LEADER =
      Metadata.Key.of(CallHeaders.LEADER, Metadata.ASCII_STRING_MARSHALLER);

  /** Methods every master answers, by their bare names. */
  private static final Set<String> ANY_MASTER = Set.of("GetMasterInfo");

  /** What the gate asks of the master. */
  public interface Leadership {
    /** Whether this master leads and has taken over (it may serve). */
    boolean serves();

    /**
     * Waits until this master's state includes every committed entry.
     *
     * @throws MetasyncException UNAVAILABLE when it turns out not to lead
     */
    void awaitCommitted();

    /** The leader's RPC address, when this master knows it. */
    Optional<String> leaderAddress();

    /** This master's RPC address, for the refusal's message. */
    String selfAddress();
  }

  private final Leadership leadership;

  public LeaderGate(Leadership leadership) {
    this.leadership = requireNonNull(leadership, "leadership is null");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (ANY_MASTER.contains(call.getMethodDescriptor().getBareMethodName())) {
      return next.startCall(call, headers);
    }
    if (!leadership.serves()) {
      return refuse(call);
    }
    try {
      leadership.awaitCommitted();
    } catch (MetasyncException e) {
      return refuse(call);
    }
    return next.startCall(call, headers);
  }

  private <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call) {
    Optional<String> leader = leadership.leaderAddress();
    Metadata trailers = RpcErrors.fromMaster();
    trailers.put(STANDBY, "true");
    leader.ifPresent(address -> trailers.put(LEADER, address));
    String where =
        leader
            .map(address -> "the leader is " + address)
            .orElse("no leader is known yet (an election is under way); retry in a few seconds");
    call.close(
        Status.UNAVAILABLE.withDescription(
            "this master (" + leadership.selfAddress() + ") is a standby; " + where),
        trailers);
    return new ServerCall.Listener<>() {};
  }
}
