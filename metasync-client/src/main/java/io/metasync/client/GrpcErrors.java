package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.common.CauseChain;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.util.Locale;

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
    if (status.getCause() != null) {
      return new MetasyncException(code, transportFailure(status), e);
    }
    String description = status.getDescription();
    String message =
        description == null || description.isBlank()
            ? "the call to the master at " + masterAddress + " failed with " + status.getCode()
            : description;
    return new MetasyncException(code, message, e);
  }

  /**
   * A status with a cause was made by this side's transport. The master bounds its error messages
   * (see its RpcErrors), but an older one could send a header over the 8 KiB limit, which reached
   * the user as a bare "http2 exception".
   */
  private String transportFailure(Status status) {
    String cause = CauseChain.describe(status.getCause());
    if (cause.toLowerCase(Locale.ROOT).contains("header size exceeded")) {
      return "the answer of the master at "
          + masterAddress
          + " was over gRPC's 8 KiB header limit ("
          + cause
          + "), most likely an error message naming a very long path; see the master's log";
    }
    String description = status.getDescription();
    return "the call to the master at "
        + masterAddress
        + " failed: "
        + (description == null ? "" : description + ": ")
        + cause;
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
