package io.metasync.client;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import io.metasync.common.CreateOptions;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.Ticker;
import io.metasync.proto.CallContext;
import io.metasync.proto.CheckConsistencyResponse;
import io.metasync.proto.CreateDirectoryRequest;
import io.metasync.proto.DeleteRequest;
import io.metasync.proto.GetMountTableRequest;
import io.metasync.proto.GetStatusRequest;
import io.metasync.proto.GetSyncPathListRequest;
import io.metasync.proto.ListStatusRequest;
import io.metasync.proto.LoadMetadataResponse;
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
import java.util.function.Consumer;

/**
 * The metasync file-system API, spoken over gRPC to the leader of a group of masters (or to a
 * single master). Thread-safe; one client holds one channel per master it called, so share it and
 * close it when done.
 *
 * <p>Every call is made with this client's {@link CallOptions} (how stale an answer may be): the
 * defaults it was connected with, or those of a view made by {@link #withOptions}. No call has a
 * deadline: a sync of a wide UFS folder may legitimately take long. A call that meets a standby or
 * an unreachable master of a group looks for the leader for up to the group's retry duration (see
 * {@link LeaderFailover}); a streamed answer does so until its first message. Every method throws
 * {@link MetasyncException} with the master's error code and message when the call fails, and with
 * code UNAVAILABLE when no leader can be reached.
 */
public final class MetasyncClient implements AutoCloseable {
  /** Bytes per WriteFile message: large enough to amortize framing, well below message limits. */
  static final int CHUNK_SIZE = 1 << 20;

  /** What every view of one client shares: the channels to the masters and who calls. */
  private record Connection(LeaderFailover failover, String user) {}

  private final Connection connection;
  private final LeaderFailover failover;
  private final CallOptions options;
  private final String user;

  private MetasyncClient(Connection connection, CallOptions options) {
    this.connection = connection;
    this.failover = connection.failover();
    this.user = connection.user();
    this.options = requireNonNull(options, "options is null");
  }

  /**
   * A client of the masters of {@code metasync.master.rpc.addresses} (when empty, of the master at
   * {@code metasync.master.hostname}:{@code metasync.master.rpc.port}), with the call defaults of
   * {@code metasync.user.file.metadata.*}. Connecting is lazy: an absent master shows on the first
   * call.
   *
   * @throws MetasyncException INVALID_ARGUMENT for a malformed address
   */
  public static MetasyncClient connect(MetasyncConfiguration conf) {
    return connect(
        MasterGroup.from(conf),
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
    return connect(MasterGroup.single(host, port), defaults, identity, tls);
  }

  /**
   * A client of the leader of {@code masters} that calls as {@code identity} over {@code tls};
   * connecting is lazy.
   */
  public static MetasyncClient connect(
      MasterGroup masters, CallOptions defaults, ClientIdentity identity, ClientTls tls) {
    requireNonNull(masters, "masters is null");
    requireNonNull(defaults, "defaults is null");
    requireNonNull(identity, "identity is null");
    requireNonNull(tls, "tls is null");
    Ticker ticker = Ticker.system();
    LeaderFailover failover =
        new LeaderFailover(masters, new MasterChannels(identity, tls, ticker), ticker);
    return new MetasyncClient(new Connection(failover, identity.user()), defaults);
  }

  /**
   * A view of this client whose calls are made with {@code options}; it shares this client's
   * channels, so it costs one small object, and closing any view closes the channels of all.
   */
  public MetasyncClient withOptions(CallOptions options) {
    return options.equals(this.options) ? this : new MetasyncClient(connection, options);
  }

  /** The user name sent with every call. */
  public String user() {
    return user;
  }

  /** The options this client's calls are made with. */
  public CallOptions options() {
    return options;
  }

  public FileStatus getStatus(String path) {
    GetStatusRequest request =
        GetStatusRequest.newBuilder().setContext(context()).setPath(path).build();
    return ProtoConversions.fileStatus(unary(stubs -> stubs.blocking().getStatus(request)));
  }

  /**
   * The entries of a directory ({@code recursive}: of its whole subtree, which is synced as one),
   * fetched page by page as the iterator advances. Close the iterator when stopping early.
   */
  public CloseableIterator<FileStatus> listStatus(String path, boolean recursive) {
    ListStatusRequest request =
        ListStatusRequest.newBuilder()
            .setContext(context())
            .setPath(path)
            .setRecursive(recursive)
            .build();
    return new StatusListing(
        ServerStream.start(failover, false, stubs -> stubs.blocking().listStatus(request)));
  }

  /** Creates a directory ({@code parents}: and its missing ancestors, like {@code mkdir -p}). */
  public FileStatus createDirectory(String path, boolean parents) {
    CreateDirectoryRequest request =
        CreateDirectoryRequest.newBuilder()
            .setContext(context())
            .setPath(path)
            .setParents(parents)
            .build();
    return ProtoConversions.fileStatus(
        mutation(stubs -> stubs.blocking().createDirectory(request)));
  }

  /**
   * Creates a file with the bytes of {@code content}, streamed in chunks of 1 MiB as fast as the
   * master takes them. {@code content} is read to its end but not closed. After a fail-over the
   * bytes sent so far are sent again to the new leader if they were at most 8 MiB; otherwise the
   * call fails with UNAVAILABLE (see {@link ReplayingUpload}).
   *
   * @throws IOException when {@code content} cannot be read; the upload is then cancelled
   * @throws InterruptedIOException when the thread is interrupted; the upload is then cancelled
   */
  public FileStatus createFile(String path, InputStream content) throws IOException {
    ReplayingUpload upload = startUpload(path);
    try {
      WriteFileHeader header =
          WriteFileHeader.newBuilder().setContext(context()).setPath(path).build();
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
   * stream is closed. {@code create} says what the master does, under its locks, about an entry
   * already at {@code path} and missing parents; all happens in this one call. Errors of the master
   * (an existing file, a missing parent) surface from the stream's {@code write} or {@code close}
   * as {@link MetasyncException}. A fail-over is handled as {@link #createFile(String,
   * InputStream)} does.
   *
   * @throws InterruptedIOException when the thread is interrupted; the upload is then cancelled
   */
  public FileOutStream createFile(String path, CreateOptions create) throws InterruptedIOException {
    ReplayingUpload upload = startUpload(path);
    WriteFileHeader header =
        WriteFileHeader.newBuilder()
            .setContext(context())
            .setPath(path)
            .setOptions(ProtoConversions.createOptions(create))
            .build();
    return FileOutStream.start(
        path, upload, WriteFileRequest.newBuilder().setHeader(header).build());
  }

  private ReplayingUpload startUpload(String path) throws InterruptedIOException {
    try {
      return ReplayingUpload.start(failover, path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while starting to write " + path);
    }
  }

  /**
   * Opens a file for reading. The master compares the UFS file with the cached status first and
   * re-syncs it if it changed, so the bytes always match {@link FileInStream#status()}.
   */
  public FileInStream open(String path) {
    return open(path, 0);
  }

  /**
   * Opens a file as {@link #open(String)} does, its bytes starting at {@code offset} (none when the
   * offset is at or past the end); the status is the whole file's.
   */
  public FileInStream open(String path, long offset) {
    ReadFileRequest request =
        ReadFileRequest.newBuilder().setContext(context()).setPath(path).setOffset(offset).build();
    return FileInStream.open(
        path, ServerStream.start(failover, false, stubs -> stubs.blocking().readFile(request)));
  }

  /** Deletes a file or an empty directory ({@code recursive}: any directory with its subtree). */
  public void delete(String path, boolean recursive) {
    DeleteRequest request = deleteRequest(path, recursive);
    mutation(stubs -> stubs.blocking().delete(request));
  }

  /**
   * Deletes as {@link #delete(String, boolean)} does (same effect, same errors), and passes {@code
   * progress} the master's reports as they come, about every 200 ms: the entries deleted in the
   * UFS, then those removed from the cache; the last has {@code done} set. Closing the client
   * midway does not stop the delete on the master.
   *
   * @return the last report, which counts everything deleted
   */
  public DeleteProgress deleteWithProgress(
      String path, boolean recursive, Consumer<DeleteProgress> progress) {
    DeleteRequest request = deleteRequest(path, recursive);
    return ServerStream.lastReport(
        ServerStream.start(failover, true, stubs -> stubs.blocking().deleteWithProgress(request)),
        ProtoConversions::deleteProgress,
        progress,
        "the delete of " + path);
  }

  private DeleteRequest deleteRequest(String path, boolean recursive) {
    return DeleteRequest.newBuilder()
        .setContext(context())
        .setPath(path)
        .setRecursive(recursive)
        .build();
  }

  /**
   * Moves {@code source} to {@code destination}, or into it when it is an existing directory; both
   * must be in the same mount. Returns the status at the new path.
   */
  public FileStatus rename(String source, String destination) {
    RenameRequest request =
        RenameRequest.newBuilder()
            .setContext(context())
            .setSource(source)
            .setDestination(destination)
            .build();
    return ProtoConversions.fileStatus(mutation(stubs -> stubs.blocking().rename(request)));
  }

  /**
   * Renames under Hadoop {@code FileSystem.rename}'s rules, in one call checked under the master's
   * locks: what Hadoop answers with {@code false} (a missing source or destination parent, an
   * existing file at the destination or at its name inside a destination folder, a move into
   * itself) is a refusal, not an error.
   *
   * @throws MetasyncException for what Hadoop raises too: a move across mounts, of a mount point, a
   *     refused permission, an unreachable UFS
   */
  public RenameOutcome renameAsHadoop(String source, String destination) {
    RenameRequest request =
        RenameRequest.newBuilder()
            .setContext(context())
            .setSource(source)
            .setDestination(destination)
            .build();
    return ProtoConversions.renameOutcome(
        mutation(stubs -> stubs.blocking().renameAsHadoop(request)));
  }

  /** Sets the permission bits (such as {@code 0755}). */
  public FileStatus setMode(String path, int mode) {
    SetAttributeRequest request =
        SetAttributeRequest.newBuilder().setContext(context()).setPath(path).setMode(mode).build();
    return ProtoConversions.fileStatus(mutation(stubs -> stubs.blocking().setAttribute(request)));
  }

  /** Sets the owner and the group; {@code null} leaves that one unchanged. */
  public FileStatus setOwner(String path, String owner, String group) {
    SetAttributeRequest.Builder request =
        SetAttributeRequest.newBuilder().setContext(context()).setPath(path);
    if (owner != null) {
      request.setOwner(owner);
    }
    if (group != null) {
      request.setGroup(group);
    }
    return ProtoConversions.fileStatus(
        mutation(stubs -> stubs.blocking().setAttribute(request.build())));
  }

  /** Mounts the UFS at {@code ufsUri} (such as {@code hdfs://nn:8020/x}) at {@code path}. */
  public void mount(String path, String ufsUri, MountOptions mountOptions) {
    MountRequest request =
        MountRequest.newBuilder()
            .setContext(context())
            .setPath(path)
            .setUfsUri(ufsUri)
            .setReadOnly(mountOptions.readOnly())
            .setShared(mountOptions.shared())
            .putAllOptions(mountOptions.options())
            .build();
    mutation(stubs -> stubs.blocking().mount(request));
  }

  /** Unmounts the UFS mounted at {@code path}; the UFS itself is not touched. */
  public void unmount(String path) {
    UnmountRequest request =
        UnmountRequest.newBuilder().setContext(context()).setPath(path).build();
    mutation(stubs -> stubs.blocking().unmount(request));
  }

  /** Every mount point, {@code /} included. */
  public List<MountInfo> mountTable() {
    GetMountTableRequest request = GetMountTableRequest.newBuilder().setContext(context()).build();
    return unary(stubs -> stubs.blocking().getMountTable(request)).getMountsList().stream()
        .map(ProtoConversions::mountInfo)
        .toList();
  }

  /**
   * Loads the metadata at {@code path} ({@code recursive}: of its whole subtree) from the UFS, as
   * this client's sync interval and load type allow, reporting progress as the master sends it.
   *
   * @return the final progress, which counts everything loaded
   */
  public Progress loadMetadata(String path, boolean recursive, Consumer<Progress> progress) {
    SyncRequest request = syncRequest(path, recursive);
    return ServerStream.lastReport(
        ServerStream.start(failover, false, stubs -> stubs.blocking().loadMetadata(request)),
        (LoadMetadataResponse response) -> ProtoConversions.progress(response.getProgress()),
        progress,
        "loadMetadata of " + path);
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
      Consumer<Progress> progress) {
    SyncRequest request = syncRequest(path, recursive);
    long count = 0;
    try (ServerStream<CheckConsistencyResponse> responses =
        ServerStream.start(failover, false, stubs -> stubs.blocking().checkConsistency(request))) {
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
        SyncPointRequest.newBuilder().setContext(context()).setPath(path).build();
    mutation(stubs -> stubs.blocking().startSync(request));
  }

  public void stopSync(String path) {
    SyncPointRequest request =
        SyncPointRequest.newBuilder().setContext(context()).setPath(path).build();
    mutation(stubs -> stubs.blocking().stopSync(request));
  }

  /** The sync points, in path order. */
  public List<SyncPointInfo> syncPathList() {
    GetSyncPathListRequest request =
        GetSyncPathListRequest.newBuilder().setContext(context()).build();
    return unary(stubs -> stubs.blocking().getSyncPathList(request)).getSyncPointsList().stream()
        .map(ProtoConversions::syncPointInfo)
        .toList();
  }

  /** A call that does nothing on the master: proves it is reachable. */
  public void ping() {
    unary(stubs -> stubs.blocking().ping(PingRequest.getDefaultInstance()));
  }

  /** Path configuration (fs pathConf) on this client's master, with this client's options. */
  public PathConfClient pathConf() {
    return new PathConfClient(failover, context());
  }

  /**
   * The masters' journal group: its peers, adding and removing one ({@code bin/metasync journal}).
   */
  public JournalAdminClient journalAdmin() {
    return new JournalAdminClient(failover);
  }

  /** Change subscription (fs watch) on this client's master, with this client's options. */
  public WatchClient watches() {
    return new WatchClient(failover, context());
  }

  /** Closes the channels, cancelling calls still running after a short grace period. */
  @Override
  public void close() {
    failover.close();
  }

  private SyncRequest syncRequest(String path, boolean recursive) {
    return SyncRequest.newBuilder()
        .setContext(context())
        .setPath(path)
        .setRecursive(recursive)
        .build();
  }

  private CallContext context() {
    return ProtoConversions.callContext(user, options);
  }

  private <T> T unary(LeaderFailover.Attempt<T> call) {
    return failover.call(false, call);
  }

  /** A unary call that changes the namespace: its retries carry one call id. */
  private <T> T mutation(LeaderFailover.Attempt<T> call) {
    return failover.call(true, call);
  }
}
