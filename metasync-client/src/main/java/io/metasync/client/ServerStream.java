package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import java.util.Iterator;
import java.util.NoSuchElementException;
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
