package io.metasync.client;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.common.CauseChain;
import io.metasync.common.MetasyncException;
import java.util.Optional;

/**
 * Why one attempt of a call at one master failed, as far as finding the leader goes: the master is
 * a standby (naming the leader or not), it could not be reached, or it answered with an error of
 * its own, which is the call's answer.
 */
record FailedAttempt(FailedAttempt.Kind kind, Optional<MasterAddress> leaderHint, String reason) {
  enum Kind {
    STANDBY,
    UNREACHABLE,
    MASTER_ERROR
  }

  static FailedAttempt of(StatusRuntimeException e) {
    Status status = e.getStatus();
    Metadata trailers = Status.trailersFromThrowable(e);
    if (trailers != null && "true".equals(trailers.get(FailoverHeaders.STANDBY))) {
      Optional<MasterAddress> leader = leaderHint(trailers.get(FailoverHeaders.LEADER));
      String reason =
          leader
              .map(address -> "a standby naming " + address + " as the leader")
              .orElse("a standby that knows no leader yet");
      return new FailedAttempt(Kind.STANDBY, leader, reason);
    }
    boolean fromMaster = trailers != null && trailers.containsKey(FailoverHeaders.ERROR_ORIGIN);
    if (!fromMaster && (status.getCode() == Status.Code.UNAVAILABLE || cutByTransport(status))) {
      String why =
          status.getCause() != null
              ? CauseChain.describe(status.getCause())
              : String.valueOf(status.getDescription());
      return new FailedAttempt(Kind.UNREACHABLE, Optional.empty(), "unreachable: " + why);
    }
    return new FailedAttempt(
        Kind.MASTER_ERROR, Optional.empty(), String.valueOf(status.getDescription()));
  }

  /**
   * A master killed in the middle of a call can end it as UNKNOWN ("channel closed") rather than
   * UNAVAILABLE: without the master's own trailer and with an I/O failure as its cause, it is the
   * transport's failure too.
   */
  private static boolean cutByTransport(Status status) {
    if (status.getCode() != Status.Code.UNKNOWN && status.getCode() != Status.Code.INTERNAL) {
      return false;
    }
    for (Throwable cause = status.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  /** A malformed hint is ignored: the client then looks for the leader round the group. */
  private static Optional<MasterAddress> leaderHint(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MasterAddress.parse(value, "the " + FailoverHeaders.LEADER.name()));
    } catch (MetasyncException e) {
      return Optional.empty();
    }
  }
}
