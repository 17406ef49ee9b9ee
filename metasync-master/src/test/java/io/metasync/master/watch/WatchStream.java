package io.metasync.master.watch;

import io.grpc.Channel;
import io.grpc.Context;
import io.metasync.proto.watch.MetasyncWatchGrpc;
import io.metasync.proto.watch.WatchChange;
import io.metasync.proto.watch.WatchRequest;
import io.metasync.proto.watch.WatchResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A watch over a real gRPC channel, read with a blocking stub (which asks for one message at a
 * time, as a flow-controlled client does); the deadline ends a test that waits for a change that
 * never comes.
 */
final class WatchStream implements AutoCloseable {
  private final Context.CancellableContext context;
  private final Iterator<WatchResponse> responses;
  private final long cursor;
  private long lastIndex;

  private WatchStream(Context.CancellableContext context, Iterator<WatchResponse> responses) {
    this.context = context;
    this.responses = responses;
    this.cursor = responses.next().getIndex();
    this.lastIndex = cursor;
  }

  static WatchStream open(Channel channel, String path, boolean recursive, OptionalLong from) {
    WatchRequest.Builder request = WatchRequest.newBuilder().setPath(path).setRecursive(recursive);
    from.ifPresent(request::setFromIndex);
    Context.CancellableContext context = Context.current().withCancellation();
    Context previous = context.attach();
    try {
      return new WatchStream(
          context,
          MetasyncWatchGrpc.newBlockingStub(channel)
              .withDeadlineAfter(60, TimeUnit.SECONDS)
              .watch(request.build()));
    } catch (RuntimeException e) {
      context.cancel(e);
      throw e;
    } finally {
      context.detach(previous);
    }
  }

  long cursor() {
    return cursor;
  }

  /** The index of the last entry taken. */
  long lastIndex() {
    return lastIndex;
  }

  WatchResponse next() {
    WatchResponse response = responses.next();
    lastIndex = response.getIndex();
    return response;
  }

  /**
   * The next {@code count} changes as {@code KIND PATH} (a move: {@code RENAMED FROM TO}), checking
   * that indexes increase from entry to entry.
   */
  List<String> changes(int count) {
    List<String> changes = new ArrayList<>();
    long previous = lastIndex;
    while (changes.size() < count) {
      WatchResponse response = next();
      if (response.getIndex() <= previous) {
        throw new AssertionError("index " + response.getIndex() + " after " + previous);
      }
      previous = response.getIndex();
      for (WatchChange change : response.getChangesList()) {
        changes.add(describe(change));
      }
    }
    return changes;
  }

  static String describe(WatchChange change) {
    return change.getType()
        + " "
        + (change.getSourcePath().isEmpty() ? "" : change.getSourcePath() + " ")
        + change.getPath();
  }

  @Override
  public void close() {
    context.cancel(null);
  }
}
