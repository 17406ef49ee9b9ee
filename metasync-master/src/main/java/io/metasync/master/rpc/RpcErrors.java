package io.metasync.master.rpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.common.MetasyncException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the master turns an exception into a gRPC status. A {@link MetasyncException}
 * travels with its code and message; anything else is a bug, logged with its stack and sent as
 * INTERNAL.
 */
final class RpcErrors {
  private static final Logger LOG = LoggerFactory.getLogger(RpcErrors.class);

  private RpcErrors() {}

  static StatusRuntimeException toStatus(Throwable error) {
    if (error instanceof StatusRuntimeException status) {
      return status;
    }
    if (error instanceof MetasyncException metasync) {
      return Status.fromCodeValue(metasync.code().grpcCode())
          .withDescription(metasync.getMessage())
          .asRuntimeException();
    }
    LOG.error("Internal error serving a call", error);
    return Status.INTERNAL
        .withDescription("internal error in the master: " + error + " (see the master's log)")
        .asRuntimeException();
  }
}
