package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.proto.CallContext;
import io.metasync.proto.watch.MetasyncWatchGrpc;
import io.metasync.proto.watch.WatchChange;
import io.metasync.proto.watch.WatchRequest;
import io.metasync.proto.watch.WatchResponse;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A subscription to the changes under a path (fs watch), as they enter the master's namespace: by a
 * write through metasync or by a sync. An iterator of {@link Changes}, one per journal entry, which
 * blocks until the next arrives and never ends on its own; the master sends the next only when this
 * one is taken (gRPC flow control), and drops a watcher that falls too far behind with
 * RESOURCE_EXHAUSTED. Resume with {@link WatchClient#watch} from the last {@link Changes#index()}
 * taken: nothing is missed or repeated. Close it to stop.
 */
public final class ChangeWatch implements CloseableIterator<ChangeWatch.Changes> {
  /** What happened to a path. */
  public enum Kind {
    CREATED,
    DELETED,
    /** Moved from {@link Change#source()} to {@link Change#path()}. */
    RENAMED,
    /** Owner, group or mode. */
    METADATA,
    /** A file's length, modification time or content hash. */
    CONTENT
  }

  /**
   * One change.
   *
   * @param source the path before a move; empty for every other kind
   */
  public record Change(Kind kind, String path, Optional<String> source) {
    public Change {
      requireNonNull(kind, "kind is null");
      requireNonNull(path, "path is null");
      requireNonNull(source, "source is null");
    }
  }

  /** The changes of one journal entry, and its index: the cursor to resume after. */
  public record Changes(long index, List<Change> changes) {
    public Changes {
      changes = List.copyOf(changes);
    }
  }

  private final ServerStream<WatchResponse> stream;
  private final long cursor;

  private ChangeWatch(ServerStream<WatchResponse> stream, long cursor) {
    this.stream = stream;
    this.cursor = cursor;
  }

  /** Subscribes, waiting for the master to accept; see {@link WatchClient#watch}. */
  static ChangeWatch start(
      LeaderFailover failover,
      CallContext context,
      String path,
      boolean recursive,
      OptionalLong from) {
    WatchRequest.Builder request =
        WatchRequest.newBuilder().setContext(context).setPath(path).setRecursive(recursive);
    from.ifPresent(request::setFromIndex);
    WatchRequest built = request.build();
    ServerStream<WatchResponse> stream =
        ServerStream.start(
            failover,
            false,
            stubs -> MetasyncWatchGrpc.newBlockingStub(stubs.blocking().getChannel()).watch(built));
    try {
      if (!stream.hasNext()) {
        throw new MetasyncException(
            ErrorCode.INTERNAL, "the master ended the watch of " + path + " before it started");
      }
      return new ChangeWatch(stream, stream.next().getIndex());
    } catch (RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  /**
   * The journal index the changes that follow come after: the {@code from} index given, or the
   * master's latest when none was.
   */
  public long cursor() {
    return cursor;
  }

  /**
   * Waits for the next entry's changes.
   *
   * @throws MetasyncException RESOURCE_EXHAUSTED when the master dropped this slow watcher,
   *     UNAVAILABLE when the master stopped or stopped leading (watch again from the last index)
   */
  @Override
  public boolean hasNext() {
    return stream.hasNext();
  }

  @Override
  public Changes next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    WatchResponse response = stream.next();
    return new Changes(
        response.getIndex(), response.getChangesList().stream().map(ChangeWatch::change).toList());
  }

  private static Change change(WatchChange change) {
    Kind kind =
        switch (change.getType()) {
          case CREATED -> Kind.CREATED;
          case DELETED -> Kind.DELETED;
          case RENAMED -> Kind.RENAMED;
          case METADATA -> Kind.METADATA;
          case CONTENT -> Kind.CONTENT;
          case CHANGE_TYPE_UNSPECIFIED, UNRECOGNIZED ->
              throw new MetasyncException(
                  ErrorCode.INTERNAL,
                  "the master sent a change of "
                      + change.getPath()
                      + " of an unknown type "
                      + change.getTypeValue()
                      + "; upgrade this client");
        };
    return new Change(
        kind,
        change.getPath(),
        kind == Kind.RENAMED ? Optional.of(change.getSourcePath()) : Optional.empty());
  }

  /** Stops watching (cancels the call on the master). */
  @Override
  public void close() {
    stream.close();
  }
}
