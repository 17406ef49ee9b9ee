package io.metasync.ufs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * The UFS refused a request for a reason that asking again will not change: a name too long for it,
 * a read-only or full file system, a server that is not the kind the URI names. Unlike other {@link
 * IOException}s, which say the UFS failed (and a retry may succeed), the master reports it as the
 * caller's problem, never as "retry later". Its message says what was refused and why, in words,
 * without the path (the master names that).
 */
public final class UfsRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why; each reason maps to one error code in the master. */
  public enum Reason {
    /** A name or the whole path is longer than the UFS takes. */
    NAME_TOO_LONG,
    /** A name the UFS does not allow, such as one with {@code :} in HDFS. */
    INVALID_NAME,
    /** The UFS, or the part of it that holds the path, cannot be written. */
    READ_ONLY,
    /** The UFS is full, or the path is over a quota or a limit on entries. */
    OUT_OF_SPACE,
    /** A file was asked for where there is a folder. */
    IS_A_FOLDER,
    /** The server behind the URI answers, but not as the kind of server the URI names. */
    WRONG_SERVER,
    /** The UFS has no such operation, such as chmod or chown in an object store. */
    UNSUPPORTED
  }

  private final Reason reason;

  public UfsRefusedException(Reason reason, String message) {
    super(requireNonNull(message, "message is null"));
    this.reason = requireNonNull(reason, "reason is null");
  }

  public UfsRefusedException(Reason reason, String message, Throwable cause) {
    this(reason, message);
    initCause(cause);
  }

  public Reason reason() {
    return reason;
  }
}
