package io.metasync.client;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.metasync.proto.CreateDirectoryRequest;
import io.metasync.proto.FileInfo;
import io.metasync.proto.FileType;
import io.metasync.proto.GetStatusRequest;
import io.metasync.proto.ListStatusPage;
import io.metasync.proto.ListStatusRequest;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.proto.WriteFileRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;

/**
 * Hand-written masters of a group for failover tests, each on a real gRPC server: a leader that
 * answers a few calls (and can be told to break streams midway, as a dying master does), and a
 * standby that answers every call as the master's contract says. Each records the calls it saw with
 * their failover headers.
 */
final class FakeMasters {
  private FakeMasters() {}

  /** One call a master saw: its method and the mutation headers it carried (null when absent). */
  record SeenCall(String method, String clientId, String callId, String attempt) {}

  /** Records every call with its headers, before the service (or the standby) sees it. */
  static final class Recorder implements ServerInterceptor {
    final List<SeenCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
      calls.add(
          new SeenCall(
              call.getMethodDescriptor().getBareMethodName(),
              headers.get(FailoverHeaders.CLIENT_ID),
              headers.get(FailoverHeaders.CALL_ID),
              headers.get(FailoverHeaders.CALL_ATTEMPT)));
      return next.startCall(call, headers);
    }

    List<SeenCall> of(String method) {
      return calls.stream().filter(seen -> seen.method().equals(method)).toList();
    }
  }

  /**
   * A standby: every call fails UNAVAILABLE with the standby trailers, naming the leader if set.
   */
  static final class Standby implements AutoCloseable {
    final Recorder recorder = new Recorder();
    private final TestServer server;

    Standby(Optional<MasterAddress> leader) {
      ServerInterceptor standby =
          new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
              Metadata trailers = new Metadata();
              trailers.put(FailoverHeaders.STANDBY, "true");
              trailers.put(FailoverHeaders.ERROR_ORIGIN, "master");
              leader.ifPresent(address -> trailers.put(FailoverHeaders.LEADER, address.toString()));
              call.close(
                  Status.UNAVAILABLE.withDescription(
                      "this master is a standby; the leader is "
                          + leader.map(MasterAddress::toString).orElse("not known yet")),
                  trailers);
              return new ServerCall.Listener<>() {};
            }
          };
      server =
          TestServer.start(
              ServerInterceptors.intercept(
                  new MetasyncMasterGrpc.MetasyncMasterImplBase() {}, standby, recorder));
    }

    MasterAddress address() {
      return new MasterAddress("localhost", server.port());
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /**
   * A leader. {@code GetStatus} of {@code /ufs-down} fails as a master whose UFS is down; a listing
   * sends one page and then, when {@link #breakListings}, fails as a lost connection does; an
   * upload fails so after {@link #breakWritesAfterChunks} chunks when that is not negative.
   */
  static final class Leader extends MetasyncMasterGrpc.MetasyncMasterImplBase
      implements AutoCloseable {
    final Recorder recorder = new Recorder();
    final List<Upload> uploads = new CopyOnWriteArrayList<>();
    volatile boolean breakListings;
    volatile int breakWritesAfterChunks = -1;
    private final TestServer server;

    /** What one WriteFile call delivered before it ended. */
    record Upload(String path, long bytes, long crc, boolean completed) {}

    Leader() {
      server = TestServer.start(ServerInterceptors.intercept(bindService(), recorder));
    }

    MasterAddress address() {
      return new MasterAddress("localhost", server.port());
    }

    @Override
    public void getStatus(GetStatusRequest request, StreamObserver<FileInfo> responses) {
      if (request.getPath().equals("/ufs-down")) {
        Metadata trailers = new Metadata();
        trailers.put(FailoverHeaders.ERROR_ORIGIN, "master");
        responses.onError(
            Status.UNAVAILABLE
                .withDescription("cannot list hdfs://nn:8020/ufs-down: connection refused")
                .asRuntimeException(trailers));
        return;
      }
      responses.onNext(file(request.getPath(), 0));
      responses.onCompleted();
    }

    @Override
    public void createDirectory(
        CreateDirectoryRequest request, StreamObserver<FileInfo> responses) {
      responses.onNext(file(request.getPath(), 0));
      responses.onCompleted();
    }

    @Override
    public void listStatus(ListStatusRequest request, StreamObserver<ListStatusPage> responses) {
      responses.onNext(
          ListStatusPage.newBuilder()
              .addEntries(file(request.getPath() + "/a", 1))
              .addEntries(file(request.getPath() + "/b", 2))
              .build());
      if (breakListings) {
        responses.onError(
            Status.UNAVAILABLE.withDescription("connection lost").asRuntimeException());
        return;
      }
      responses.onCompleted();
    }

    @Override
    public StreamObserver<WriteFileRequest> writeFile(StreamObserver<FileInfo> responses) {
      return new StreamObserver<>() {
        private final CRC32 crc = new CRC32();
        private String path;
        private long bytes;
        private int chunks;
        private boolean broken;

        @Override
        public void onNext(WriteFileRequest request) {
          if (broken) {
            return;
          }
          if (request.hasHeader()) {
            path = request.getHeader().getPath();
            return;
          }
          crc.update(request.getChunk().asReadOnlyByteBuffer());
          bytes += request.getChunk().size();
          chunks++;
          if (chunks == breakWritesAfterChunks) {
            broken = true;
            uploads.add(new Upload(path, bytes, crc.getValue(), false));
            responses.onError(
                Status.UNAVAILABLE.withDescription("connection lost").asRuntimeException());
          }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {
          if (broken) {
            return;
          }
          uploads.add(new Upload(path, bytes, crc.getValue(), true));
          responses.onNext(file(path, bytes));
          responses.onCompleted();
        }
      };
    }

    private FileInfo file(String path, long length) {
      return FileInfo.newBuilder()
          .setPath(path)
          .setType(FileType.FILE)
          .setLength(length)
          .setOwner(address().toString())
          .build();
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /** A port nothing listens on: a master that died. */
  static MasterAddress deadMaster() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return new MasterAddress("localhost", socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
