package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The messages of one server-streaming call, as a blocking stub reads them: one at a time, each
 * requested from the master only when the previous one was taken, so a long stream never piles up
 * in memory. The call runs in its own cancellable context, which {@link #close()} cancels; that is
 * how a reader that stops early stops the master's work too.
 *
 * <p>The call starts at the first {@link #hasNext()}, and until its first message (or its end)
 * arrives it follows the leader as a unary call does ({@link LeaderFailover}); after that a failure
 * reaches the reader, since the messages it already took cannot be taken back.
 */
final class ServerStream<T> implements CloseableIterator<T> {
  private final LeaderFailover failover;
  private final boolean mutation;
  private final Function<MasterStubs, Iterator<T>> call;
  private Context.CancellableContext context;
  private Iterator<T> messages;
  private GrpcErrors errors;
  private boolean closed;

  private ServerStream(
      LeaderFailover failover, boolean mutation, Function<MasterStubs, Iterator<T>> call) {
    this.failover = requireNonNull(failover, "failover is null");
    this.mutation = mutation;
    this.call = requireNonNull(call, "call is null");
  }

  /**
   * The stream of the call that {@code call} makes with a blocking stub; {@code mutation}: the call
   * changes the namespace, so its retries carry one call id.
   */
  static <T> ServerStream<T> start(
      LeaderFailover failover, boolean mutation, Function<MasterStubs, Iterator<T>> call) {
    return new ServerStream<>(failover, mutation, call);
  }

  /**
   * Runs a call whose messages are progress reports of a long operation: passes each, converted, to
   * {@code progress} as it comes, and returns the last.
   *
   * @param operation what the call does, for the error when no report came, such as {@code
   *     loadMetadata of /x}
   * @throws MetasyncException as the call fails; INTERNAL when it ended without any report
   */
  static <M, P> P lastReport(
      ServerStream<M> reports, Function<M, P> convert, Consumer<P> progress, String operation) {
    P last = null;
    try (reports) {
      while (reports.hasNext()) {
        last = convert.apply(reports.next());
        progress.accept(last);
      }
    }
    if (last == null) {
      throw new MetasyncException(
          ErrorCode.INTERNAL, "the master ended " + operation + " without reporting any progress");
    }
    return last;
  }

  @Override
  public boolean hasNext() {
    if (messages == null) {
      return !closed && open();
    }
    try {
      return messages.hasNext();
    } catch (StatusRuntimeException e) {
      close();
      throw errors.toMetasyncException(e);
    }
  }

  /** Finds the leader and waits for its first message; false when the stream is empty. */
  private boolean open() {
    LogicalCall attempts = failover.newCall(mutation);
    try {
      boolean first = failover.attempt(attempts, this::firstMessage);
      failover.answered(attempts);
      errors = attempts.errors();
      return first;
    } catch (InterruptedException e) {
      closed = true;
      Thread.currentThread().interrupt();
      throw new MetasyncException(
          ErrorCode.UNAVAILABLE,
          "interrupted while looking for the leader among " + failover.group());
    } catch (RuntimeException e) {
      closed = true;
      throw e;
    }
  }

  private boolean firstMessage(MasterStubs stubs) {
    Context.CancellableContext attempt = Context.current().withCancellation();
    // the call binds to the context current when it starts, so start it inside ours
    Context previous = attempt.attach();
    try {
      Iterator<T> started = call.apply(stubs);
      boolean first = started.hasNext();
      context = attempt;
      messages = started;
      return first;
    } catch (StatusRuntimeException e) {
      attempt.cancel(null);
      throw e;
    } finally {
      attempt.detach(previous);
    }
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    try {
      return messages.next();
    } catch (StatusRuntimeException e) {
      close();
      throw errors.toMetasyncException(e);
    }
  }

  /** Cancels the call if it is still running; harmless after the stream ended. */
  @Override
  public void close() {
    closed = true;
    if (context != null) {
      context.cancel(null);
    }
  }
}
