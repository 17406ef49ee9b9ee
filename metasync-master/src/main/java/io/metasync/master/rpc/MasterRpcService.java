package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.metasync.common.CauseChain;
import io.metasync.common.MessageText;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.activesync.ActiveSyncManager;
import io.metasync.master.file.ConsistencyChecker;
import io.metasync.master.file.DeleteStats;
import io.metasync.master.file.LoadOperations;
import io.metasync.master.file.MountOperations;
import io.metasync.master.file.OpenedFile;
import io.metasync.master.file.PathStatus;
import io.metasync.master.file.ReadOperations;
import io.metasync.master.file.WriteOperations;
import io.metasync.master.mount.MountOptions;
import io.metasync.master.sync.ReadOptions;
import io.metasync.master.sync.SyncStats;
import io.metasync.proto.CheckConsistencyResponse;
import io.metasync.proto.CreateDirectoryRequest;
import io.metasync.proto.DeleteProgress;
import io.metasync.proto.DeleteRequest;
import io.metasync.proto.DeleteResponse;
import io.metasync.proto.FileInfo;
import io.metasync.proto.GetMountTableRequest;
import io.metasync.proto.GetMountTableResponse;
import io.metasync.proto.GetStatusRequest;
import io.metasync.proto.GetSyncPathListRequest;
import io.metasync.proto.GetSyncPathListResponse;
import io.metasync.proto.Inconsistency;
import io.metasync.proto.ListStatusPage;
import io.metasync.proto.ListStatusRequest;
import io.metasync.proto.LoadMetadataResponse;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.proto.MountRequest;
import io.metasync.proto.MountResponse;
import io.metasync.proto.PingRequest;
import io.metasync.proto.PingResponse;
import io.metasync.proto.ReadFileRequest;
import io.metasync.proto.ReadFileResponse;
import io.metasync.proto.RenameRequest;
import io.metasync.proto.SetAttributeRequest;
import io.metasync.proto.SyncPointRequest;
import io.metasync.proto.SyncPointResponse;
import io.metasync.proto.SyncRequest;
import io.metasync.proto.UnmountRequest;
import io.metasync.proto.UnmountResponse;
import io.metasync.proto.WriteFileRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The gRPC face of the master: parses requests, calls one operation, converts the answer. No logic
 * lives here; errors are converted in {@link RpcErrors} only. Streamed answers are produced on the
 * master's stream executor and honour the client's flow control.
 */
public final class MasterRpcService extends MetasyncMasterGrpc.MetasyncMasterImplBase {
  private static final int CHUNK_SIZE = 256 * 1024;

  /** Often enough that a person sees a huge delete move; a message costs the master nothing. */
  private static final Duration DELETE_PROGRESS_PERIOD = Duration.ofMillis(200);

  private final ReadOperations reads;
  private final WriteOperations writes;
  private final MountOperations mounts;
  private final LoadOperations loads;
  private final ConsistencyChecker consistency;
  private final ActiveSyncManager activeSync;
  private final ProtoConversions conversions;
  private final ExecutorService streamExecutor;
  private final ProgressReporter progress;
  private final ProgressReporter deleteProgress;

  public MasterRpcService(
      ReadOperations reads,
      WriteOperations writes,
      MountOperations mounts,
      LoadOperations loads,
      ConsistencyChecker consistency,
      ActiveSyncManager activeSync,
      ReadOptions defaults,
      ExecutorService streamExecutor,
      ProgressReporter progress) {
    this.reads = requireNonNull(reads, "reads is null");
    this.writes = requireNonNull(writes, "writes is null");
    this.mounts = requireNonNull(mounts, "mounts is null");
    this.loads = requireNonNull(loads, "loads is null");
    this.consistency = requireNonNull(consistency, "consistency is null");
    this.activeSync = requireNonNull(activeSync, "activeSync is null");
    this.conversions = new ProtoConversions(defaults);
    this.streamExecutor = requireNonNull(streamExecutor, "streamExecutor is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.deleteProgress = progress.every(DELETE_PROGRESS_PERIOD);
  }

  private static <T> void unary(StreamObserver<T> observer, Supplier<T> call) {
    T response;
    try {
      response = call.get();
    } catch (RuntimeException e) {
      observer.onError(RpcErrors.toStatus(e));
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  /** Runs {@code producer} on the stream executor, completing or failing the stream after it. */
  private <T> void stream(
      StreamObserver<T> observer, java.util.function.Consumer<FlowControlledStream<T>> producer) {
    FlowControlledStream<T> stream = new FlowControlledStream<>(observer);
    streamExecutor.execute(
        () -> {
          try {
            producer.accept(stream);
            stream.complete();
          } catch (FlowControlledStream.StreamCancelledException e) {
            // The client is gone; nobody to tell.
          } catch (RuntimeException e) {
            stream.fail(e);
          }
        });
  }

  @Override
  public void getStatus(GetStatusRequest request, StreamObserver<FileInfo> observer) {
    unary(
        observer,
        () ->
            ProtoConversions.fileInfo(
                reads.getStatus(
                    ProtoConversions.path(request.getPath()),
                    conversions.readOptions(request.getContext()))));
  }

  @Override
  public void listStatus(ListStatusRequest request, StreamObserver<ListStatusPage> observer) {
    stream(
        observer,
        stream -> {
          Iterator<List<PathStatus>> pages =
              reads.listStatus(
                  ProtoConversions.path(request.getPath()),
                  request.getRecursive(),
                  conversions.readOptions(request.getContext()));
          while (pages.hasNext() && !stream.isCancelled()) {
            ListStatusPage.Builder page = ListStatusPage.newBuilder();
            pages.next().forEach(status -> page.addEntries(ProtoConversions.fileInfo(status)));
            stream.send(page.build());
          }
        });
  }

  @Override
  public void createDirectory(CreateDirectoryRequest request, StreamObserver<FileInfo> observer) {
    unary(
        observer,
        () ->
            ProtoConversions.fileInfo(
                writes.createDirectory(
                    ProtoConversions.path(request.getPath()), request.getParents())));
  }

  @Override
  public StreamObserver<WriteFileRequest> writeFile(StreamObserver<FileInfo> observer) {
    return new FileUpload(writes, observer);
  }

  @Override
  public void readFile(ReadFileRequest request, StreamObserver<ReadFileResponse> observer) {
    stream(
        observer,
        stream -> {
          OpenedFile file =
              reads.open(
                  ProtoConversions.path(request.getPath()),
                  conversions.readOptions(request.getContext()),
                  request.getOffset());
          stream.send(
              ReadFileResponse.newBuilder()
                  .setInfo(ProtoConversions.fileInfo(file.status()))
                  .build());
          try (InputStream content = file.content()) {
            byte[] buffer = new byte[CHUNK_SIZE];
            int n;
            while ((n = content.readNBytes(buffer, 0, buffer.length)) > 0) {
              stream.send(
                  ReadFileResponse.newBuilder()
                      .setChunk(ByteString.copyFrom(buffer, 0, n))
                      .build());
            }
          } catch (IOException e) {
            throw new MetasyncException(
                io.metasync.common.ErrorCode.UNAVAILABLE,
                "reading "
                    + MessageText.abbreviate(request.getPath())
                    + " failed: "
                    + CauseChain.describe(e),
                e);
          }
        });
  }

  @Override
  public void delete(DeleteRequest request, StreamObserver<DeleteResponse> observer) {
    unary(
        observer,
        () -> {
          writes.delete(ProtoConversions.path(request.getPath()), request.getRecursive());
          return DeleteResponse.getDefaultInstance();
        });
  }

  @Override
  public void deleteWithProgress(DeleteRequest request, StreamObserver<DeleteProgress> observer) {
    stream(
        observer,
        stream -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          DeleteStats stats = new DeleteStats();
          deleteProgress.run(
              () -> writes.delete(path, request.getRecursive(), stats),
              (startMs, nowMs, done) ->
                  ProtoConversions.deleteProgress(stats, startMs, nowMs, done),
              stream::send);
        });
  }

  @Override
  public void rename(RenameRequest request, StreamObserver<FileInfo> observer) {
    unary(
        observer,
        () ->
            ProtoConversions.fileInfo(
                writes.rename(
                    ProtoConversions.path(request.getSource()),
                    ProtoConversions.path(request.getDestination()))));
  }

  @Override
  public void setAttribute(SetAttributeRequest request, StreamObserver<FileInfo> observer) {
    unary(
        observer,
        () -> {
          if (request.hasMode() && (request.getMode() < 0 || request.getMode() > 07777)) {
            throw MetasyncException.invalidArgument(
                String.format(
                    "mode %o for %s is out of range (0 to 7777 octal)",
                    request.getMode(), request.getPath()));
          }
          return ProtoConversions.fileInfo(
              writes.setAttributes(
                  ProtoConversions.path(request.getPath()),
                  request.hasMode() ? request.getMode() : null,
                  request.hasOwner() ? request.getOwner() : null,
                  request.hasGroup() ? request.getGroup() : null));
        });
  }

  @Override
  public void mount(MountRequest request, StreamObserver<MountResponse> observer) {
    unary(
        observer,
        () -> {
          mounts.mount(
              ProtoConversions.path(request.getPath()),
              request.getUfsUri(),
              new MountOptions(
                  request.getReadOnly(), request.getShared(), request.getOptionsMap()));
          return MountResponse.getDefaultInstance();
        });
  }

  @Override
  public void unmount(UnmountRequest request, StreamObserver<UnmountResponse> observer) {
    unary(
        observer,
        () -> {
          mounts.unmount(ProtoConversions.path(request.getPath()));
          return UnmountResponse.getDefaultInstance();
        });
  }

  @Override
  public void getMountTable(
      GetMountTableRequest request, StreamObserver<GetMountTableResponse> observer) {
    unary(
        observer,
        () -> {
          GetMountTableResponse.Builder response = GetMountTableResponse.newBuilder();
          mounts
              .mountTable()
              .forEach(mount -> response.addMounts(ProtoConversions.mountInfo(mount)));
          return response.build();
        });
  }

  @Override
  public void loadMetadata(SyncRequest request, StreamObserver<LoadMetadataResponse> observer) {
    stream(
        observer,
        stream -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          ReadOptions options = conversions.readOptions(request.getContext());
          SyncStats stats = new SyncStats();
          progress.run(
              () -> loads.loadMetadata(path, request.getRecursive(), options, stats),
              stats,
              report -> stream.send(LoadMetadataResponse.newBuilder().setProgress(report).build()));
        });
  }

  @Override
  public void checkConsistency(
      SyncRequest request, StreamObserver<CheckConsistencyResponse> observer) {
    stream(
        observer,
        stream -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          SyncStats stats = new SyncStats();
          progress.run(
              () ->
                  consistency.check(
                      path,
                      request.getRecursive(),
                      stats,
                      (inconsistentPath, description) ->
                          stream.send(
                              CheckConsistencyResponse.newBuilder()
                                  .setInconsistency(
                                      Inconsistency.newBuilder()
                                          .setPath(inconsistentPath.toString())
                                          .setDescription(description))
                                  .build())),
              stats,
              report ->
                  stream.send(CheckConsistencyResponse.newBuilder().setProgress(report).build()));
        });
  }

  @Override
  public void startSync(SyncPointRequest request, StreamObserver<SyncPointResponse> observer) {
    unary(
        observer,
        () -> {
          activeSync.startSync(ProtoConversions.path(request.getPath()));
          return SyncPointResponse.getDefaultInstance();
        });
  }

  @Override
  public void stopSync(SyncPointRequest request, StreamObserver<SyncPointResponse> observer) {
    unary(
        observer,
        () -> {
          activeSync.stopSync(ProtoConversions.path(request.getPath()));
          return SyncPointResponse.getDefaultInstance();
        });
  }

  @Override
  public void getSyncPathList(
      GetSyncPathListRequest request, StreamObserver<GetSyncPathListResponse> observer) {
    unary(
        observer,
        () -> {
          GetSyncPathListResponse.Builder response = GetSyncPathListResponse.newBuilder();
          activeSync
              .syncPoints()
              .forEach(point -> response.addSyncPoints(ProtoConversions.syncPointInfo(point)));
          return response.build();
        });
  }

  @Override
  public void ping(PingRequest request, StreamObserver<PingResponse> observer) {
    observer.onNext(PingResponse.getDefaultInstance());
    observer.onCompleted();
  }
}
