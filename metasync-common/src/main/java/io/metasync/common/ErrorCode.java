package io.metasync.common;

/**
 * What went wrong, as one of a few codes that every layer agrees on. Each code carries the number
 * of the gRPC status code it travels as, so the RPC server and the client convert in one place each
 * without this module depending on gRPC.
 */
public enum ErrorCode {
  INVALID_ARGUMENT(3),
  NOT_FOUND(5),
  ALREADY_EXISTS(6),
  PERMISSION_DENIED(7),
  /** A bounded resource ran out for this caller (a change watch that fell too far behind). */
  RESOURCE_EXHAUSTED(8),
  FAILED_PRECONDITION(9),
  /** A position is outside what is kept (a change watch's cursor older than the kept changes). */
  OUT_OF_RANGE(11),
  INTERNAL(13),
  UNAVAILABLE(14),
  /** The caller could not prove who it is (a missing or wrong token). */
  UNAUTHENTICATED(16);

  private final int grpcCode;

  ErrorCode(int grpcCode) {
    this.grpcCode = grpcCode;
  }

  /** The numeric gRPC status code ({@code io.grpc.Status.Code#value()}) this code travels as. */
  public int grpcCode() {
    return grpcCode;
  }

  /**
   * The code for a numeric gRPC status code; codes metasync never sends become {@link #INTERNAL}.
   */
  public static ErrorCode fromGrpcCode(int grpcCode) {
    for (ErrorCode code : values()) {
      if (code.grpcCode == grpcCode) {
        return code;
      }
    }
    return INTERNAL;
  }
}
