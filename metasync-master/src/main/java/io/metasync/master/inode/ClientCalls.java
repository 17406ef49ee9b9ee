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
  private static final ThreadLocal<ClientCall> CURRENT = new ThreadLocal<>();

  private ClientCalls() {}

  /** The call this thread serves, if the client named it. */
  public static Optional<ClientCall> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs {@code work} as serving {@code call}; restores what was there before. */
  public static <T> T serving(ClientCall call, Supplier<T> work) {
    ClientCall previous = CURRENT.get();
    CURRENT.set(call);
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
