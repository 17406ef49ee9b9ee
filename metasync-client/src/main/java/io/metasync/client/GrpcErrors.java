package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;

/**
 * The one place where a failed call becomes a {@link MetasyncException}. The master sends its error
 * code as the gRPC status and its user-facing message as the description, so both pass through
 * unchanged; a failure to reach the master at all gets a message that says what to do.
 */
final class GrpcErrors {
  private final String masterAddress;

  GrpcErrors(String masterAddress) {
    this.masterAddress = requireNonNull(masterAddress, "masterAddress is null");
  }

  MetasyncException toMetasyncException(StatusRuntimeException e) {
    Status status = e.getStatus();
    if (isUnreachable(status)) {
      return new MetasyncException(
          ErrorCode.UNAVAILABLE,
          "cannot reach the master at "
              + masterAddress
              + " (is it running? start it with bin/metasync master)",
          e);
    }
    ErrorCode code = ErrorCode.fromGrpcCode(status.getCode().value());
    String description = status.getDescription();
    String message =
        description == null || description.isBlank()
            ? "the call to the master at " + masterAddress + " failed with " + status.getCode()
            : description;
    return new MetasyncException(code, message, e);
  }

  /**
   * A status the master sent never has a cause on this side (causes do not travel), and the master
   * always describes its errors; so an UNAVAILABLE with a cause (connection refused, host unknown)
   * or without a description was made by the client's transport.
   */
  private static boolean isUnreachable(Status status) {
    return status.getCode() == Status.Code.UNAVAILABLE
        && (status.getCause() != null || status.getDescription() == null);
  }
}
