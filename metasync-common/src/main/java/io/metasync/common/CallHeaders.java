package io.metasync.common;

/** The names of the call headers (gRPC metadata) that say who calls. */
public final class CallHeaders {
  /** The user the call acts as. */
  public static final String USER = "metasync-user";

  /** The user who authenticates, when it acts for {@link #USER} as a proxy (Hadoop's doAs). */
  public static final String REAL_USER = "metasync-real-user";

  /** The token of the authenticating user, in TOKEN authentication. */
  public static final String TOKEN = "metasync-token";

  private CallHeaders() {}
}
