package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.file.ReadOperations;
import io.metasync.master.pathconf.PathConfiguration;
import io.metasync.master.security.Caller;
import io.metasync.master.security.PathAuthorizer;
import io.metasync.master.sync.ReadOptions;
import io.metasync.master.watch.Change;
import io.metasync.master.watch.ChangeHub;
import io.metasync.master.watch.ChangeProtos;
import io.metasync.master.watch.ChangeSink;
import io.metasync.master.watch.EntryChanges;
import io.metasync.master.watch.Subscription;
import io.metasync.master.watch.WatchSpec;
import io.metasync.proto.watch.MetasyncWatchGrpc;
import io.metasync.proto.watch.WatchRequest;
import io.metasync.proto.watch.WatchResponse;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The gRPC face of change subscription (fs watch). A watcher must be allowed to list the path when
 * it subscribes, as {@code ls} asks; after that, each change is sent only if the watcher may list
 * the folder it happened in (a move: either folder), checked on the cached inodes as it is sent.
 * The stream honours the watcher's flow control; one that falls too far behind is dropped by the
 * {@link ChangeHub}, never waited for.
 */
public final class WatchService extends MetasyncWatchGrpc.MetasyncWatchImplBase {
  private final ChangeHub hub;
  private final ReadOperations reads;
  private final PathAuthorizer authorizer;
  private final ProtoConversions conversions;

  /**
   * @param defaults the master's read options, for finding the watched path
   */
  public WatchService(
      ChangeHub hub,
      ReadOperations reads,
      PathAuthorizer authorizer,
      ReadOptions defaults,
      PathConfiguration pathConf) {
    this.hub = requireNonNull(hub, "hub is null");
    this.reads = requireNonNull(reads, "reads is null");
    this.authorizer = requireNonNull(authorizer, "authorizer is null");
    this.conversions = new ProtoConversions(defaults, pathConf);
  }

  @Override
  public void watch(WatchRequest request, StreamObserver<WatchResponse> observer) {
    Caller caller = CallerInterceptor.current();
    Audit audit = Audit.read(caller, "watch", request.getPath());
    StreamSink sink = new StreamSink((ServerCallStreamObserver<WatchResponse>) observer);
    try {
      NamespacePath path = ProtoConversions.path(request.getPath());
      reads.getStatus(path, conversions.readOptions(path, request.getContext()));
      authorizer.checkList(caller, path);
      WatchSpec spec =
          new WatchSpec(
              path,
              request.getRecursive(),
              request.hasFromIndex()
                  ? OptionalLong.of(request.getFromIndex())
                  : OptionalLong.empty(),
              visibleTo(caller));
      sink.subscribed(hub.subscribe(spec, sink));
    } catch (RuntimeException e) {
      audit.failed(e);
      observer.onError(RpcErrors.toStatus(e));
      return;
    }
    audit.succeeded();
  }

  private Predicate<Change> visibleTo(Caller caller) {
    return change ->
        mayList(caller, change.path())
            || change.source().map(source -> mayList(caller, source)).orElse(false);
  }

  /** Whether {@code caller} may list the folder {@code changed} is in. */
  private boolean mayList(Caller caller, NamespacePath changed) {
    try {
      authorizer.checkList(caller, changed.isRoot() ? changed : changed.parent());
      return true;
    } catch (MetasyncException e) {
      return false;
    }
  }

  /** A watcher's stream, as its subscription delivers to it. */
  private static final class StreamSink implements ChangeSink {
    private final ServerCallStreamObserver<WatchResponse> observer;
    private final AtomicReference<Subscription> subscription = new AtomicReference<>();
    private volatile boolean cancelled;

    StreamSink(ServerCallStreamObserver<WatchResponse> observer) {
      this.observer = observer;
      // registered before the service method returns, as gRPC requires
      observer.setOnReadyHandler(
          () -> {
            Subscription current = subscription.get();
            if (current != null) {
              current.deliver();
            }
          });
      observer.setOnCancelHandler(
          () -> {
            cancelled = true;
            Subscription current = subscription.get();
            if (current != null) {
              current.cancel();
            }
          });
    }

    void subscribed(Subscription started) {
      subscription.set(started);
      if (cancelled) {
        started.cancel();
      }
    }

    @Override
    public boolean ready() {
      return !cancelled && observer.isReady();
    }

    @Override
    public void send(EntryChanges entry) {
      if (!cancelled) {
        observer.onNext(ChangeProtos.toProto(entry));
      }
    }

    @Override
    public void fail(MetasyncException error) {
      if (!cancelled) {
        observer.onError(RpcErrors.toStatus(error));
      }
    }
  }
}
