package io.metasync.master;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.metasync.proto.CallContext;
import io.metasync.proto.CheckConsistencyResponse;
import io.metasync.proto.CreateDirectoryRequest;
import io.metasync.proto.DeleteRequest;
import io.metasync.proto.FileInfo;
import io.metasync.proto.GetStatusRequest;
import io.metasync.proto.ListStatusRequest;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.proto.MountRequest;
import io.metasync.proto.ReadFileRequest;
import io.metasync.proto.ReadFileResponse;
import io.metasync.proto.RenameRequest;
import io.metasync.proto.SyncRequest;
import io.metasync.proto.WriteFileHeader;
import io.metasync.proto.WriteFileRequest;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Terse calls to a master over real gRPC, for tests; each takes the sync interval to send. */
public final class RpcCalls {
  public static final long NEVER = -1;
  public static final long ALWAYS = 0;

  private final io.grpc.ManagedChannel channel;

  /** Calls as the master's own user, a superuser. */
  public RpcCalls(MasterFixture fixture) {
    this.channel = fixture.channel();
  }

  /** Calls over {@code channel} (whoever it calls as). */
  public RpcCalls(io.grpc.ManagedChannel channel) {
    this.channel = channel;
  }

  /** Calls as {@code user} (SIMPLE authentication). */
  public RpcCalls(MasterFixture fixture, String user) {
    this.channel = fixture.channel(user);
  }

  private MetasyncMasterGrpc.MetasyncMasterBlockingStub stub() {
    return MetasyncMasterGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  public static CallContext context(long intervalMs) {
    return CallContext.newBuilder().setUser("tester").setSyncIntervalMs(intervalMs).build();
  }

  /**
   * Asserts that {@code call} fails with a gRPC status of {@code code} whose description contains
   * {@code message}.
   */
  public static void assertFailsWith(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      io.grpc.Status.Code code,
      String message) {
    org.assertj.core.api.Assertions.assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            io.grpc.StatusRuntimeException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.getStatus().getCode()).isEqualTo(code);
              org.assertj.core.api.Assertions.assertThat(e.getStatus().getDescription())
                  .contains(message);
            });
  }

  public void startSync(String path) {
    stub()
        .startSync(
            io.metasync.proto.SyncPointRequest.newBuilder()
                .setContext(context(NEVER))
                .setPath(path)
                .build());
  }

  public java.util.List<io.metasync.proto.SyncPointInfo> syncPoints() {
    return stub()
        .getSyncPathList(io.metasync.proto.GetSyncPathListRequest.getDefaultInstance())
        .getSyncPointsList();
  }

  public FileInfo stat(String path, long intervalMs) {
    return stub()
        .getStatus(
            GetStatusRequest.newBuilder().setContext(context(intervalMs)).setPath(path).build());
  }

  public List<FileInfo> list(String path, boolean recursive, long intervalMs) {
    List<FileInfo> entries = new ArrayList<>();
    stub()
        .listStatus(
            ListStatusRequest.newBuilder()
                .setContext(context(intervalMs))
                .setPath(path)
                .setRecursive(recursive)
                .build())
        .forEachRemaining(page -> entries.addAll(page.getEntriesList()));
    return entries;
  }

  /** The names (last path component) listed in a folder. */
  public List<String> names(String path, long intervalMs) {
    return list(path, false, intervalMs).stream()
        .map(info -> info.getPath().substring(info.getPath().lastIndexOf('/') + 1))
        .toList();
  }

  public FileInfo mkdir(String path, boolean parents) {
    return stub()
        .createDirectory(
            CreateDirectoryRequest.newBuilder()
                .setContext(context(NEVER))
                .setPath(path)
                .setParents(parents)
                .build());
  }

  public FileInfo write(String path, byte[] content) throws Exception {
    CompletableFuture<FileInfo> result = new CompletableFuture<>();
    StreamObserver<WriteFileRequest> requests =
        MetasyncMasterGrpc.newStub(channel)
            .writeFile(
                new StreamObserver<>() {
                  @Override
                  public void onNext(FileInfo info) {
                    result.complete(info);
                  }

                  @Override
                  public void onError(Throwable error) {
                    result.completeExceptionally(error);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(
        WriteFileRequest.newBuilder()
            .setHeader(WriteFileHeader.newBuilder().setContext(context(NEVER)).setPath(path))
            .build());
    if (content.length > 0) {
      requests.onNext(WriteFileRequest.newBuilder().setChunk(ByteString.copyFrom(content)).build());
    }
    requests.onCompleted();
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  public FileInfo readInfo(String path, long intervalMs, ByteArrayOutputStream bytes) {
    Iterator<ReadFileResponse> responses =
        stub()
            .readFile(
                ReadFileRequest.newBuilder().setContext(context(intervalMs)).setPath(path).build());
    FileInfo info = responses.next().getInfo();
    responses.forEachRemaining(response -> bytes.writeBytes(response.getChunk().toByteArray()));
    return info;
  }

  public void delete(String path, boolean recursive) {
    stub()
        .delete(
            DeleteRequest.newBuilder()
                .setContext(context(NEVER))
                .setPath(path)
                .setRecursive(recursive)
                .build());
  }

  public FileInfo rename(String source, String destination) {
    return stub()
        .rename(
            RenameRequest.newBuilder()
                .setContext(context(NEVER))
                .setSource(source)
                .setDestination(destination)
                .build());
  }

  public void mount(String path, String uri, boolean readOnly) {
    stub()
        .mount(
            MountRequest.newBuilder()
                .setContext(context(NEVER))
                .setPath(path)
                .setUfsUri(uri)
                .setReadOnly(readOnly)
                .build());
  }

  /** Loads {@code path}; returns the files of the last progress report (the load's total). */
  public long loadMetadata(String path, boolean recursive, long intervalMs) {
    AtomicLong files = new AtomicLong();
    stub()
        .loadMetadata(
            SyncRequest.newBuilder()
                .setContext(context(intervalMs))
                .setPath(path)
                .setRecursive(recursive)
                .build())
        .forEachRemaining(response -> files.set(response.getProgress().getFiles()));
    return files.get();
  }

  /** The inconsistencies reported, as "path: description". */
  public List<String> checkConsistency(String path, boolean recursive) {
    List<String> found = new ArrayList<>();
    Iterator<CheckConsistencyResponse> responses =
        stub()
            .checkConsistency(
                SyncRequest.newBuilder()
                    .setContext(context(NEVER))
                    .setPath(path)
                    .setRecursive(recursive)
                    .build());
    responses.forEachRemaining(
        response -> {
          if (response.hasInconsistency()) {
            found.add(
                response.getInconsistency().getPath()
                    + ": "
                    + response.getInconsistency().getDescription());
          }
        });
    return found;
  }
}
