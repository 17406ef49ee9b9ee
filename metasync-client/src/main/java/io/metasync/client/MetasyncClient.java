package io.metasync.client;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import io.metasync.proto.CallContext;
import io.metasync.proto.CheckConsistencyResponse;
import io.metasync.proto.CreateDirectoryRequest;
import io.metasync.proto.DeleteRequest;
import io.metasync.proto.GetMountTableRequest;
import io.metasync.proto.GetStatusRequest;
import io.metasync.proto.GetSyncPathListRequest;
import io.metasync.proto.ListStatusRequest;
import io.metasync.proto.LoadMetadataResponse;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.proto.MountRequest;
import io.metasync.proto.PingRequest;
import io.metasync.proto.ReadFileRequest;
import io.metasync.proto.RenameRequest;
import io.metasync.proto.SetAttributeRequest;
import io.metasync.proto.SyncPointRequest;
import io.metasync.proto.SyncRequest;
import io.metasync.proto.UnmountRequest;
import io.metasync.proto.WriteFileHeader;
import io.metasync.proto.WriteFileRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The metasync file-system API, spoken to a master over gRPC. Thread-safe; one client holds one
 * channel, so share it and close it when done.
 *
 * <p>Every method has an overload taking {@link CallOptions} (how stale an answer may be); the
 * others use the defaults the client was connected with. No call has a deadline: a sync of a wide
 * UFS folder may legitimately take long. Every method throws {@link MetasyncException} with the
 * master's error code and message when the call fails, and with code UNAVAILABLE when the master
 * cannot be reached.
 */
public final class MetasyncClient implements AutoCloseable {
  /** Bytes per WriteFile message: large enough to amortize framing, well below message limits. */
  static final int CHUNK_SIZE = 1 << 20;

  private final ManagedChannel channel;
  private final MetasyncMasterGrpc.MetasyncMasterBlockingStub blockingStub;
  private final MetasyncMasterGrpc.MetasyncMasterStub asyncStub;
  private final GrpcErrors errors;
  private final CallOptions defaults;
  private final String user;

  private MetasyncClient(
      ManagedChannel channel, String masterAddress, CallOptions defaults, String user) {
    this.channel = channel;
    this.blockingStub = MetasyncMasterGrpc.newBlockingStub(channel);
    this.asyncStub = MetasyncMasterGrpc.newStub(channel);
    this.errors = new GrpcErrors(masterAddress);
    this.defaults = defaults;
    this.user = user;
  }

  /**
   * A client of the master at {@code metasync.master.hostname}:{@code metasync.master.rpc.port},
   * with the call defaults of {@code metasync.user.file.metadata.*}. Connecting is lazy: an absent
   * master shows on the first call.
   */
  public static MetasyncClient connect(MetasyncConfiguration conf) {
    return connect(
        conf.get(PropertyKey.MASTER_HOSTNAME),
        conf.getInt(PropertyKey.MASTER_RPC_PORT),
        CallOptions.from(conf),
        ClientIdentity.from(conf),
        ClientTls.from(conf));
  }

  /** A client of the master at {@code host}:{@code port}; connecting is lazy. */
  public static MetasyncClient connect(String host, int port, CallOptions defaults) {
    return connect(host, port, defaults, ClientIdentity.ofOsUser(), ClientTls.PLAIN);
  }

  /**
   * A client of the master at {@code host}:{@code port} that calls as {@code identity} over {@code
   * tls}; connecting is lazy.
   */
  public static MetasyncClient connect(
      String host, int port, CallOptions defaults, ClientIdentity identity, ClientTls tls) {
    requireNonNull(host, "host is null");
    requireNonNull(defaults, "defaults is null");
    requireNonNull(identity, "identity is null");
    requireNonNull(tls, "tls is null");
    ManagedChannel channel =
        Grpc.newChannelBuilderForAddress(host, port, tls.credentials())
            .intercept(MetadataUtils.newAttachHeadersInterceptor(identity.headers()))
            .build();
    return new MetasyncClient(channel, host + ":" + port, defaults, identity.user());
  }

  /** The user name sent with every call. */
  public String user() {
    return user;
  }

  /** The options of calls made without explicit ones. */
  public CallOptions defaults() {
    return defaults;
  }

  public FileStatus getStatus(String path) {
    return getStatus(path, defaults);
  }

  public FileStatus getStatus(String path, CallOptions options) {
    GetStatusRequest request =
        GetStatusRequest.newBuilder().setContext(context(options)).setPath(path).build();
    return ProtoConversions.fileStatus(unary(() -> blockingStub.getStatus(request)));
  }

  public CloseableIterator<FileStatus> listStatus(String path, boolean recursive) {
    return listStatus(path, recursive, defaults);
  }

  /**
   * The entries of a directory ({@code recursive}: of its whole subtree, which is synced as one),
   * fetched page by page as the iterator advances. Close the iterator when stopping early.
   */
  public CloseableIterator<FileStatus> listStatus(
      String path, boolean recursive, CallOptions options) {
    ListStatusRequest request =
        ListStatusRequest.newBuilder()
            .setContext(context(options))
            .setPath(path)
            .setRecursive(recursive)
            .build();
    return new StatusListing(ServerStream.start(errors, () -> blockingStub.listStatus(request)));
  }

  public FileStatus createDirectory(String path, boolean parents) {
    return createDirectory(path, parents, defaults);
  }

  /** Creates a directory ({@code parents}: and its missing ancestors, like {@code mkdir -p}). */
  public FileStatus createDirectory(String path, boolean parents, CallOptions options) {
    CreateDirectoryRequest request =
        CreateDirectoryRequest.newBuilder()
            .setContext(context(options))
            .setPath(path)
            .setParents(parents)
            .build();
    return ProtoConversions.fileStatus(unary(() -> blockingStub.createDirectory(request)));
  }

  public FileStatus createFile(String path, InputStream content) throws IOException {
    return createFile(path, content, defaults);
  }

  /**
   * Creates a file with the bytes of {@code content}, streamed in chunks of 1 MiB as fast as the
   * master takes them. {@code content} is read to its end but not closed.
   *
   * @throws IOException when {@code content} cannot be read; the upload is then cancelled
   * @throws InterruptedIOException when the thread is interrupted; the upload is then cancelled
   */
  public FileStatus createFile(String path, InputStream content, CallOptions options)
      throws IOException {
    FileUpload upload = new FileUpload(errors);
    asyncStub.writeFile(upload);
    try {
      WriteFileHeader header =
          WriteFileHeader.newBuilder().setContext(context(options)).setPath(path).build();
      boolean open = upload.send(WriteFileRequest.newBuilder().setHeader(header).build());
      while (open) {
        // readNBytes(n) grows its buffer with what it reads: an empty file (touch) costs nothing,
        // where a fixed 1 MiB buffer per call made small writes allocation-bound.
        byte[] chunk = content.readNBytes(CHUNK_SIZE);
        if (chunk.length == 0) {
          break;
        }
        open =
            upload.send(WriteFileRequest.newBuilder().setChunk(ByteString.copyFrom(chunk)).build());
      }
      return ProtoConversions.fileStatus(upload.finish());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      upload.cancel("interrupted", e);
      throw new InterruptedIOException("interrupted while writing " + path);
    } catch (IOException | RuntimeException e) {
      upload.cancel("the content of " + path + " could not be sent", e);
      throw e;
    }
  }

  /**
   * Starts creating a file whose bytes are written to the returned stream; the file exists once the
   * stream is closed. Errors of the master (an existing file, a missing parent) surface from the
   * stream's {@code write} or {@code close} as {@link MetasyncException}.
   *
   * @throws InterruptedIOException when the thread is interrupted; the upload is then cancelled
   */
  public FileOutStream createFile(String path, CallOptions options) throws InterruptedIOException {
    FileUpload upload = new FileUpload(errors);
    asyncStub.writeFile(upload);
    WriteFileHeader header =
        WriteFileHeader.newBuilder().setContext(context(options)).setPath(path).build();
    return FileOutStream.start(
        path, upload, WriteFileRequest.newBuilder().setHeader(header).build());
  }

  public FileInStream open(String path) {
    return open(path, defaults);
  }

  /**
   * Opens a file for reading. The master compares the UFS file with the cached status first and
   * re-syncs it if it changed, so the bytes always match {@link FileInStream#status()}.
   */
  public FileInStream open(String path, CallOptions options) {
    return open(path, 0, options);
  }

  /**
   * Opens a file as {@link #open(String, CallOptions)} does, its bytes starting at {@code offset}
   * (none when the offset is at or past the end); the status is the whole file's.
   */
  public FileInStream open(String path, long offset, CallOptions options) {
    ReadFileRequest request =
        ReadFileRequest.newBuilder()
            .setContext(context(options))
            .setPath(path)
            .setOffset(offset)
            .build();
    return FileInStream.open(
        path, ServerStream.start(errors, () -> blockingStub.readFile(request)));
  }

  public void delete(String path, boolean recursive) {
    delete(path, recursive, defaults);
  }

  /** Deletes a file or an empty directory ({@code recursive}: any directory with its subtree). */
  public void delete(String path, boolean recursive, CallOptions options) {
    DeleteRequest request = deleteRequest(path, recursive, options);
    unary(() -> blockingStub.delete(request));
  }

  public DeleteProgress deleteWithProgress(
      String path, boolean recursive, Consumer<DeleteProgress> progress) {
    return deleteWithProgress(path, recursive, progress, defaults);
  }

  /**
   * Deletes as {@link #delete(String, boolean, CallOptions)} does (same effect, same errors), and
   * passes {@code progress} the master's reports as they come, about every 200 ms: the entries
   * deleted in the UFS, then those removed from the cache; the last has {@code done} set. Closing
   * the client midway does not stop the delete on the master.
   *
   * @return the last report, which counts everything deleted
   */
  public DeleteProgress deleteWithProgress(
      String path, boolean recursive, Consumer<DeleteProgress> progress, CallOptions options) {
    DeleteRequest request = deleteRequest(path, recursive, options);
    return ServerStream.lastReport(
        errors,
        () -> blockingStub.deleteWithProgress(request),
        ProtoConversions::deleteProgress,
        progress,
        "the delete of " + path);
  }

  private DeleteRequest deleteRequest(String path, boolean recursive, CallOptions options) {
    return DeleteRequest.newBuilder()
        .setContext(context(options))
        .setPath(path)
        .setRecursive(recursive)
        .build();
  }

  public FileStatus rename(String source, String destination) {
    return rename(source, destination, defaults);
  }

  /**
   * Moves {@code source} to {@code destination}, or into it when it is an existing directory; both
   * must be in the same mount. Returns the status at the new path.
   */
  public FileStatus rename(String source, String destination, CallOptions options) {
    RenameRequest request =
        RenameRequest.newBuilder()
            .setContext(context(options))
            .setSource(source)
            .setDestination(destination)
            .build();
    return ProtoConversions.fileStatus(unary(() -> blockingStub.rename(request)));
  }

  public FileStatus setMode(String path, int mode) {
    return setMode(path, mode, defaults);
  }

  /** Sets the permission bits (such as {@code 0755}). */
  public FileStatus setMode(String path, int mode, CallOptions options) {
    SetAttributeRequest request =
        SetAttributeRequest.newBuilder()
            .setContext(context(options))
            .setPath(path)
            .setMode(mode)
            .build();
    return ProtoConversions.fileStatus(unary(() -> blockingStub.setAttribute(request)));
  }

  public FileStatus setOwner(String path, String owner, String group) {
    return setOwner(path, owner, group, defaults);
  }

  /** Sets the owner and the group; {@code null} leaves that one unchanged. */
  public FileStatus setOwner(String path, String owner, String group, CallOptions options) {
    SetAttributeRequest.Builder request =
        SetAttributeRequest.newBuilder().setContext(context(options)).setPath(path);
    if (owner != null) {
      request.setOwner(owner);
    }
    if (group != null) {
      request.setGroup(group);
    }
    return ProtoConversions.fileStatus(unary(() -> blockingStub.setAttribute(request.build())));
  }

  public void mount(String path, String ufsUri, MountOptions mountOptions) {
    mount(path, ufsUri, mountOptions, defaults);
  }

  /** Mounts the UFS at {@code ufsUri} (such as {@code hdfs://nn:8020/x}) at {@code path}. */
  public void mount(String path, String ufsUri, MountOptions mountOptions, CallOptions options) {
    MountRequest request =
        MountRequest.newBuilder()
            .setContext(context(options))
            .setPath(path)
            .setUfsUri(ufsUri)
            .setReadOnly(mountOptions.readOnly())
            .setShared(mountOptions.shared())
            .putAllOptions(mountOptions.options())
            .build();
    unary(() -> blockingStub.mount(request));
  }

  public void unmount(String path) {
    unmount(path, defaults);
  }

  /** Unmounts the UFS mounted at {@code path}; the UFS itself is not touched. */
  public void unmount(String path, CallOptions options) {
    UnmountRequest request =
        UnmountRequest.newBuilder().setContext(context(options)).setPath(path).build();
    unary(() -> blockingStub.unmount(request));
  }

  public List<MountInfo> mountTable() {
    return mountTable(defaults);
  }

  /** Every mount point, {@code /} included. */
  public List<MountInfo> mountTable(CallOptions options) {
    GetMountTableRequest request =
        GetMountTableRequest.newBuilder().setContext(context(options)).build();
    return unary(() -> blockingStub.getMountTable(request)).getMountsList().stream()
        .map(ProtoConversions::mountInfo)
        .toList();
  }

  public Progress loadMetadata(String path, boolean recursive, Consumer<Progress> progress) {
    return loadMetadata(path, recursive, progress, defaults);
  }

  /**
   * Loads the metadata at {@code path} ({@code recursive}: of its whole subtree) from the UFS, as
   * the options' sync interval and load type allow, reporting progress as the master sends it.
   *
   * @return the final progress, which counts everything loaded
   */
  public Progress loadMetadata(
      String path, boolean recursive, Consumer<Progress> progress, CallOptions options) {
    SyncRequest request = syncRequest(path, recursive, options);
    return ServerStream.lastReport(
        errors,
        () -> blockingStub.loadMetadata(request),
        (LoadMetadataResponse response) -> ProtoConversions.progress(response.getProgress()),
        progress,
        "loadMetadata of " + path);
  }

  public long checkConsistency(
      String path,
      boolean recursive,
      Consumer<Inconsistency> inconsistencies,
      Consumer<Progress> progress) {
    return checkConsistency(path, recursive, inconsistencies, progress, defaults);
  }

  /**
   * Compares the cached metadata at {@code path} ({@code recursive}: of its whole subtree) with the
   * UFS without changing either, passing each difference to {@code inconsistencies}.
   *
   * @return how many paths differ
   */
  public long checkConsistency(
      String path,
      boolean recursive,
      Consumer<Inconsistency> inconsistencies,
      Consumer<Progress> progress,
      CallOptions options) {
    SyncRequest request = syncRequest(path, recursive, options);
    long count = 0;
    try (ServerStream<CheckConsistencyResponse> responses =
        ServerStream.start(errors, () -> blockingStub.checkConsistency(request))) {
      while (responses.hasNext()) {
        CheckConsistencyResponse response = responses.next();
        switch (response.getPartCase()) {
          case INCONSISTENCY -> {
            count++;
            inconsistencies.accept(ProtoConversions.inconsistency(response.getInconsistency()));
          }
          case PROGRESS -> progress.accept(ProtoConversions.progress(response.getProgress()));
          case PART_NOT_SET -> {}
        }
      }
    }
    return count;
  }

  /** Makes {@code path} a sync point: the master follows its UFS's change feed for it. */
  public void startSync(String path) {
    SyncPointRequest request =
        SyncPointRequest.newBuilder().setContext(context(defaults)).setPath(path).build();
    unary(() -> blockingStub.startSync(request));
  }

  public void stopSync(String path) {
    SyncPointRequest request =
        SyncPointRequest.newBuilder().setContext(context(defaults)).setPath(path).build();
    unary(() -> blockingStub.stopSync(request));
  }

  /** The sync points, in path order. */
  public List<SyncPointInfo> syncPathList() {
    GetSyncPathListRequest request =
        GetSyncPathListRequest.newBuilder().setContext(context(defaults)).build();
    return unary(() -> blockingStub.getSyncPathList(request)).getSyncPointsList().stream()
        .map(ProtoConversions::syncPointInfo)
        .toList();
  }

  /** A call that does nothing on the master: proves it is reachable. */
  public void ping() {
    unary(() -> blockingStub.ping(PingRequest.getDefaultInstance()));
  }

  /** Closes the channel, cancelling calls still running after a short grace period. */
  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private SyncRequest syncRequest(String path, boolean recursive, CallOptions options) {
    return SyncRequest.newBuilder()
        .setContext(context(options))
        .setPath(path)
        .setRecursive(recursive)
        .build();
  }

  private CallContext context(CallOptions options) {
    return ProtoConversions.callContext(user, requireNonNull(options, "options is null"));
  }

  private <T> T unary(Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      throw errors.toMetasyncException(e);
    }
  }
}
