package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.metasync.common.CauseChain;
import io.metasync.common.MessageText;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.common.PrintableNames;
import io.metasync.master.activesync.ActiveSyncManager;
import io.metasync.master.file.ConsistencyChecker;
import io.metasync.master.file.Creator;
import io.metasync.master.file.DeleteStats;
import io.metasync.master.file.LoadOperations;
import io.metasync.master.file.MountOperations;
import io.metasync.master.file.OpenedFile;
import io.metasync.master.file.PathStatus;
import io.metasync.master.file.ReadOperations;
import io.metasync.master.file.WriteOperations;
import io.metasync.master.mount.MountOptions;
import io.metasync.master.security.Caller;
import io.metasync.master.security.PathAuthorizer;
import io.metasync.master.security.PermissionChecker;
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
  private final PathAuthorizer authorizer;
  private final ProtoConversions conversions;
  private final ExecutorService streamExecutor;
  private final ProgressReporter progress;
  private final ProgressReporter deleteProgress;
  private final int umask;

  /**
   * @param umask the bits taken away from the modes of what callers create
   */
  public MasterRpcService(
      MasterOperations operations,
      ReadOptions defaults,
      int umask,
      ExecutorService streamExecutor,
      ProgressReporter progress) {
    this.umask = umask;
    this.reads = operations.reads();
    this.writes = operations.writes();
    this.mounts = operations.mounts();
    this.loads = operations.loads();
    this.consistency = operations.consistency();
    this.activeSync = operations.activeSync();
    this.authorizer = operations.authorizer();
    this.conversions = new ProtoConversions(defaults, operations.pathConf());
    this.streamExecutor = requireNonNull(streamExecutor, "streamExecutor is null");
    this.progress = requireNonNull(progress, "progress is null");
    this.deleteProgress = progress.every(DELETE_PROGRESS_PERIOD);
  }

  /** Answers one call with {@code call}'s result or error, and audits it. */
  static <T> void unary(StreamObserver<T> observer, Audit audit, Supplier<T> call) {
    T response;
    try {
      response = call.get();
    } catch (RuntimeException e) {
      audit.failed(e);
      observer.onError(RpcErrors.toStatus(e));
      return;
    }
    audit.succeeded();
    observer.onNext(response);
    observer.onCompleted();
  }

  private static Caller caller() {
    return CallerInterceptor.current();
  }

  private Creator creator(Caller caller) {
    return new Creator(caller.user(), umask);
  }

  /** Runs {@code producer} on the stream executor, completing or failing the stream after it. */
  private <T> void stream(
      StreamObserver<T> observer,
      Audit audit,
      java.util.function.Consumer<FlowControlledStream<T>> producer) {
    FlowControlledStream<T> stream = new FlowControlledStream<>(observer);
    streamExecutor.execute(
        () -> {
          try {
            producer.accept(stream);
            audit.succeeded();
            stream.complete();
          } catch (FlowControlledStream.StreamCancelledException e) {
            // The client is gone; nobody to tell.
          } catch (RuntimeException e) {
            audit.failed(e);
            stream.fail(e);
          }
        });
  }

  @Override
  public void getStatus(GetStatusRequest request, StreamObserver<FileInfo> observer) {
    Caller caller = caller();
    unary(
        observer,
        Audit.read(caller, "getStatus", request.getPath()),
        () -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          PathStatus status =
              reads.getStatus(path, conversions.readOptions(path, request.getContext()));
          authorizer.checkStatus(caller, path);
          return ProtoConversions.fileInfo(status);
        });
  }

  @Override
  public void listStatus(ListStatusRequest request, StreamObserver<ListStatusPage> observer) {
    Caller caller = caller();
    stream(
        observer,
        Audit.read(caller, "listStatus", request.getPath()),
        stream -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          Iterator<List<PathStatus>> pages =
              reads.listStatus(
                  path,
                  request.getRecursive(),
                  conversions.readOptions(path, request.getContext()),
                  authorizer.listableFolders(caller));
          authorizer.checkList(caller, path);
          while (pages.hasNext() && !stream.isCancelled()) {
            ListStatusPage.Builder page = ListStatusPage.newBuilder();
            pages.next().forEach(status -> page.addEntries(ProtoConversions.fileInfo(status)));
            stream.send(page.build());
          }
        });
  }

  @Override
  public void createDirectory(CreateDirectoryRequest request, StreamObserver<FileInfo> observer) {
    Caller caller = caller();
    unary(
        observer,
        Audit.mutation(caller, "mkdir", request.getPath()),
        () -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          PrintableNames.checkCreatable(path);
          authorizer.checkCreate(caller, path);
          return ProtoConversions.fileInfo(
              writes.createDirectory(path, request.getParents(), creator(caller)));
        });
  }

  @Override
  public StreamObserver<WriteFileRequest> writeFile(StreamObserver<FileInfo> observer) {
    Caller caller = caller();
    return new FileUpload(writes, authorizer, caller, creator(caller), observer);
  }

  @Override
  public void readFile(ReadFileRequest request, StreamObserver<ReadFileResponse> observer) {
    Caller caller = caller();
    stream(
        observer,
        Audit.read(caller, "open", request.getPath()),
        stream -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          ReadOptions options = conversions.readOptions(path, request.getContext());
          OpenedFile file = reads.open(path, options, request.getOffset());
          try {
            authorizer.checkRead(caller, path);
          } catch (RuntimeException e) {
            try (InputStream unread = file.content()) {
              throw e;
            } catch (IOException closing) {
              throw e;
            }
          }
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
    Caller caller = caller();
    unary(
        observer,
        Audit.mutation(caller, "delete", request.getPath()),
        () -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          authorizer.checkDelete(caller, path, request.getRecursive());
          writes.delete(path, request.getRecursive());
          return DeleteResponse.getDefaultInstance();
        });
  }

  @Override
  public void deleteWithProgress(DeleteRequest request, StreamObserver<DeleteProgress> observer) {
    Caller caller = caller();
    stream(
        observer,
        Audit.mutation(caller, "delete", request.getPath()),
        stream -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          authorizer.checkDelete(caller, path, request.getRecursive());
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
    Caller caller = caller();
    unary(
        observer,
        Audit.mutation(caller, "rename", request.getSource(), request.getDestination()),
        () -> {
          NamespacePath source = ProtoConversions.path(request.getSource());
          NamespacePath destination = ProtoConversions.path(request.getDestination());
          PrintableNames.checkCreatable(destination);
          authorizer.checkRename(caller, source, destination);
          return ProtoConversions.fileInfo(writes.rename(source, destination));
        });
  }

  @Override
  public void renameAsHadoop(
      RenameRequest request, StreamObserver<io.metasync.proto.RenameOutcome> observer) {
    Caller caller = caller();
    unary(
        observer,
        Audit.mutation(caller, "rename", request.getSource(), request.getDestination()),
        () -> {
          NamespacePath source = ProtoConversions.path(request.getSource());
          NamespacePath destination = ProtoConversions.path(request.getDestination());
          PrintableNames.checkCreatable(destination);
          authorizer.checkRename(caller, source, destination);
          return ProtoConversions.renameOutcome(writes.renameAsHadoop(source, destination));
        });
  }

  @Override
  public void setAttribute(SetAttributeRequest request, StreamObserver<FileInfo> observer) {
    Caller caller = caller();
    unary(
        observer,
        Audit.mutation(caller, "setAttribute", request.getPath()),
        () -> {
          if (request.hasMode() && (request.getMode() < 0 || request.getMode() > 07777)) {
            throw MetasyncException.invalidArgument(
                String.format(
                    "mode %o for %s is out of range (0 to 7777 octal)",
                    request.getMode(), request.getPath()));
          }
          NamespacePath path = ProtoConversions.path(request.getPath());
          Integer mode = request.hasMode() ? request.getMode() : null;
          String owner = request.hasOwner() ? request.getOwner() : null;
          String group = request.hasGroup() ? request.getGroup() : null;
          authorizer.checkSetAttributes(caller, path, mode, owner, group);
          return ProtoConversions.fileInfo(writes.setAttributes(path, mode, owner, group));
        });
  }

  @Override
  public void mount(MountRequest request, StreamObserver<MountResponse> observer) {
    Caller caller = caller();
    unary(
        observer,
        Audit.mutation(caller, "mount", request.getPath(), request.getUfsUri()),
        () -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          PermissionChecker.checkSuperuser(caller, "mount", path);
          PrintableNames.checkCreatable(path);
          mounts.mount(
              path,
              request.getUfsUri(),
              new MountOptions(
                  request.getReadOnly(), request.getShared(), request.getOptionsMap()));
          return MountResponse.getDefaultInstance();
        });
  }

  @Override
  public void unmount(UnmountRequest request, StreamObserver<UnmountResponse> observer) {
    Caller caller = caller();
    unary(
        observer,
        Audit.mutation(caller, "unmount", request.getPath()),
        () -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          PermissionChecker.checkSuperuser(caller, "unmount", path);
          mounts.unmount(path);
          return UnmountResponse.getDefaultInstance();
        });
  }

  @Override
  public void getMountTable(
      GetMountTableRequest request, StreamObserver<GetMountTableResponse> observer) {
    unary(
        observer,
        Audit.read(caller(), "getMountTable", "/"),
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
    Caller caller = caller();
    stream(
        observer,
        Audit.read(caller, "loadMetadata", request.getPath()),
        stream -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          ReadOptions options = conversions.readOptions(path, request.getContext());
          // on what the cache knows before the load, and again on what it loaded
          authorizer.checkList(caller, path);
          SyncStats stats = new SyncStats();
          progress.run(
              () -> {
                loads.loadMetadata(path, request.getRecursive(), options, stats);
                authorizer.checkList(caller, path);
              },
              stats,
              report -> stream.send(LoadMetadataResponse.newBuilder().setProgress(report).build()));
        });
  }

  @Override
  public void checkConsistency(
      SyncRequest request, StreamObserver<CheckConsistencyResponse> observer) {
    Caller caller = caller();
    stream(
        observer,
        Audit.read(caller, "checkConsistency", request.getPath()),
        stream -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          PermissionChecker.checkSuperuser(caller, "check the consistency of", path);
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
    Caller caller = caller();
    unary(
        observer,
        Audit.mutation(caller, "startSync", request.getPath()),
        () -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          PermissionChecker.checkSuperuser(caller, "start syncing", path);
          activeSync.startSync(path);
          return SyncPointResponse.getDefaultInstance();
        });
  }

  @Override
  public void stopSync(SyncPointRequest request, StreamObserver<SyncPointResponse> observer) {
    Caller caller = caller();
    unary(
        observer,
        Audit.mutation(caller, "stopSync", request.getPath()),
        () -> {
          NamespacePath path = ProtoConversions.path(request.getPath());
          PermissionChecker.checkSuperuser(caller, "stop syncing", path);
          activeSync.stopSync(path);
          return SyncPointResponse.getDefaultInstance();
        });
  }

  @Override
  public void getSyncPathList(
      GetSyncPathListRequest request, StreamObserver<GetSyncPathListResponse> observer) {
    unary(
        observer,
        Audit.read(caller(), "getSyncPathList", "/"),
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
