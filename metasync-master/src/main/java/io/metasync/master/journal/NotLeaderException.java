package io.metasync.master.journal;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;

/**
 * The journal refused an entry or a read index because this master does not lead its group (any
 * more): another master may take the same call, so the RPC layer marks the refusal as a standby's
 * and the client retries on the leader. An entry refused this way may still have been committed
 * before the lead was lost; a client's call id makes its retry safe.
 */
public final class NotLeaderException extends MetasyncException {
  private static final long serialVersionUID = 1L;

  NotLeaderException(String message, Throwable cause) {
    super(ErrorCode.UNAVAILABLE, message, cause);
  }
}
