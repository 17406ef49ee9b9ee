package io.metasync.client;

import io.grpc.Metadata;
import io.metasync.common.CallHeaders;

/**
 * The headers and trailers by which a client and a group of masters find the leader and apply a
 * retried mutation once, as gRPC keys of the names in {@link CallHeaders}, which the master uses
 * too.
 */
final class FailoverHeaders {
  /** Request header of a mutation: a random id of the client connection, the same for its life. */
  static final Metadata.Key<String> CLIENT_ID = key(CallHeaders.CLIENT_ID);

  /**
   * Request header of a mutation: the decimal id of the logical call, unique within the client and
   * the same in every retry of it, so the master applies it once and answers a retry of an applied
   * call with its first answer.
   */
  static final Metadata.Key<String> CALL_ID = key(CallHeaders.CALL_ID);

  /** Request header of a mutation: the number of this attempt of the call, from 1. */
  static final Metadata.Key<String> CALL_ATTEMPT = key(CallHeaders.CALL_ATTEMPT);

  /** Trailer {@code true} of a standby's answer (UNAVAILABLE) to any call. */
  static final Metadata.Key<String> STANDBY = key(CallHeaders.STANDBY);

  /** Trailer of a standby's answer: the leader's RPC address, {@code host:port}, when known. */
  static final Metadata.Key<String> LEADER = key(CallHeaders.LEADER);

  /**
   * Trailer {@code master} of every error the master itself sends; an UNAVAILABLE without it was
   * made by the transport (the master is gone), one with it is the master's answer (its UFS is
   * down, say) and is final.
   */
  static final Metadata.Key<String> ERROR_ORIGIN = key(CallHeaders.ERROR_ORIGIN);

  private FailoverHeaders() {}

  /** The headers that identify one logical mutation. */
  static Metadata mutation(String clientId, long callId) {
    Metadata headers = new Metadata();
    headers.put(CLIENT_ID, clientId);
    headers.put(CALL_ID, Long.toString(callId));
    return headers;
  }

  private static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }
}
