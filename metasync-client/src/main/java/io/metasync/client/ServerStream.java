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
import java.util.function.Supplier;

/**
 * The messages of one server-streaming call, as a blocking stub reads them: one at a time, each
 * requested from the master only when the previous one was taken, so a long stream never piles up
 * in memory. The call runs in its own cancellable context, which {@link #close()} cancels; that is
 * how a reader that stops early stops the master's work too.
 */
final class ServerStream<T> implements CloseableIterator<T> {
  private final Context.CancellableContext context;
  private final Iterator<T> messages;
  private final GrpcErrors errors;

  private ServerStream(
      Context.CancellableContext context, Iterator<T> messages, GrpcErrors errors) {
    this.context = context;
    this.messages = messages;
    this.errors = errors;
  }

  /** Starts the call that {@code call} makes with a blocking stub. */
  static <T> ServerStream<T> start(GrpcErrors errors, Supplier<Iterator<T>> call) {
    requireNonNull(errors, "errors is null");
    Context.CancellableContext context = Context.current().withCancellation();
    // the call binds to the context current when it starts, so start it inside ours
    Context previous = context.attach();
    try {
      return new ServerStream<>(context, call.get(), errors);
    } catch (StatusRuntimeException e) {
      context.cancel(null);
      throw errors.toMetasyncException(e);
    } finally {
      context.detach(previous);
    }
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
      GrpcErrors errors,
      Supplier<Iterator<M>> call,
      Function<M, P> convert,
      Consumer<P> progress,
      String operation) {
    P last = null;
    try (ServerStream<M> reports = start(errors, call)) {
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
    try {
      return messages.hasNext();
    } catch (StatusRuntimeException e) {
      close();
      throw errors.toMetasyncException(e);
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
    context.cancel(null);
  }
}
