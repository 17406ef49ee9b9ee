package io.metasync.master.inode;

import io.metasync.proto.journal.ClientCall;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The client call that the current thread serves, when the client named it: the RPC layer sets it
 * around each step of a call, and a write operation puts it into its journal entry ({@link
 * InodeChanges#calledBy}), so that a retry after a fail-over finds the call applied. A thread-bound
 * value because a mutation's journal entry is written several layers below the RPC handler, on the
 * handler's own thread.
 */
public final class ClientCalls {
  /**
   * The call, and whether this is a later attempt of it (an earlier one may have reached the UFS).
   */
  private record Served(ClientCall call, boolean retry) {}

  private static final ThreadLocal<Served> CURRENT = new ThreadLocal<>();

  private ClientCalls() {}

  /** The call this thread serves, if the client named it. */
  public static Optional<ClientCall> current() {
    return Optional.ofNullable(CURRENT.get()).map(Served::call);
  }

  /**
   * Whether this thread serves a later attempt of a named call: its first attempt may have changed
   * the UFS on a master that died before the change was journaled, so finding the change already
   * made in the UFS is the expected outcome of the call, not a conflict.
   */
  public static boolean isRetry() {
    Served served = CURRENT.get();
    return served != null && served.retry();
  }

  /** Runs {@code work} as serving {@code call}; restores what was there before. */
  public static <T> T serving(ClientCall call, boolean retry, Supplier<T> work) {
    Served previous = CURRENT.get();
    CURRENT.set(new Served(call, retry));
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
