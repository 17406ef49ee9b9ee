package io.metasync.common;

/**
 * The names of the call headers (gRPC metadata) that say who calls and which call it is, and of the
 * trailers that tell a client where the leader is.
 */
public final class CallHeaders {
  /** The user the call acts as. */
  public static final String USER = "metasync-user";

  /** The user who authenticates, when it acts for {@link #USER} as a proxy (Hadoop's doAs). */
  public static final String REAL_USER = "metasync-real-user";

  /** The token of the authenticating user, in TOKEN authentication. */
  public static final String TOKEN = "metasync-token";

  /** A client's random id (one per connection), with {@link #CALL_ID} naming one logical call. */
  public static final String CLIENT_ID = "metasync-client-id";

  /**
   * The client's number for one logical mutation, the same on every retry of it: the master applies
   * it once and answers a retry of an applied call from its state.
   */
  public static final String CALL_ID = "metasync-call-id";

  /**
   * The number of the attempt of a {@link #CALL_ID}, from 1: a later attempt may find the UFS
   * already changed by an earlier one, made on a master that died before it journaled the change.
   */
  public static final String CALL_ATTEMPT = "metasync-call-attempt";

  /** Trailer {@code true} on the refusal of a master that does not lead its group. */
  public static final String STANDBY = "metasync-standby";

  /** Trailer with the leader's {@code host:port}, on a standby's refusal when it knows it. */
  public static final String LEADER = "metasync-leader";

  /**
   * Trailer {@code master} on every error the master itself sends: an UNAVAILABLE without it (or
   * {@link #STANDBY}) came from the transport, and another master may answer.
   */
  public static final String ERROR_ORIGIN = "metasync-error-origin";

  private CallHeaders() {}
}
