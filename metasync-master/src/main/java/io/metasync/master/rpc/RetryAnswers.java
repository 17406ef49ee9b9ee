package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.metasync.common.ErrorCode;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.common.SyncInterval;
import io.metasync.master.file.ReadOperations;
import io.metasync.master.sync.ReadOptions;
import io.metasync.proto.CreateDirectoryRequest;
import io.metasync.proto.DeletePhase;
import io.metasync.proto.DeleteProgress;
import io.metasync.proto.DeleteResponse;
import io.metasync.proto.FileInfo;
import io.metasync.proto.RenameOutcome;
import io.metasync.proto.RenameRequest;
import io.metasync.proto.SetAttributeRequest;
import io.metasync.proto.WriteFileRequest;
import java.util.Optional;

/**
 * Answers a client's retry of a mutation that was already applied (its first answer was lost in a
 * fail-over) from the state, as the first answer would have been: the status at the path the
 * mutation made, or an empty success. The answer reflects the state now, which later calls may have
 * changed since; a retry never applies the mutation a second time.
 */
public final class RetryAnswers {
  /** Answers come from the cache: the mutation put what it made there. */
  private static final ReadOptions CACHED = new ReadOptions(SyncInterval.NEVER, LoadType.ONCE);

  private final ReadOperations reads;

  public RetryAnswers(ReadOperations reads) {
    this.reads = requireNonNull(reads, "reads is null");
  }

  /** Takes the retried call's request(s) and answers it once the client has sent them all. */
  <Q, R> ServerCall.Listener<Q> answer(ServerCall<Q, R> call) {
    call.request(Integer.MAX_VALUE); // a retried upload's chunks are read and dropped
    String method = call.getMethodDescriptor().getBareMethodName();
    return new ServerCall.Listener<>() {
      private Q first;

      @Override
      public void onMessage(Q message) {
        if (first == null) {
          first = message;
        }
      }

      @Override
      public void onHalfClose() {
        Message answer;
        try {
          answer = firstAnswer(method, (Message) first);
        } catch (MetasyncException e) {
          call.close(RpcErrors.toStatus(e).getStatus(), RpcErrors.fromMaster());
          return;
        }
        call.sendHeaders(new Metadata());
        @SuppressWarnings("unchecked") // the answer is of the method's response type
        R response = (R) answer;
        call.sendMessage(response);
        call.close(Status.OK, new Metadata());
      }
    };
  }

  private Message firstAnswer(String method, Message request) {
    return switch (method) {
      case "CreateDirectory" -> statusOf(((CreateDirectoryRequest) request).getPath());
      case "WriteFile" -> statusOf(((WriteFileRequest) request).getHeader().getPath());
      case "Rename" -> statusOf(((RenameRequest) request).getDestination());
      case "RenameAsHadoop" -> renamed((RenameRequest) request);
      case "SetAttribute" -> statusOf(((SetAttributeRequest) request).getPath());
      case "Delete" -> DeleteResponse.getDefaultInstance();
      case "DeleteWithProgress" ->
          DeleteProgress.newBuilder().setPhase(DeletePhase.DELETE_PHASE_CACHE).build();
      default ->
          throw MetasyncException.invalidArgument(
              "the call "
                  + method
                  + " reused the id of an applied mutation; a client must name each call anew");
    };
  }

  private FileInfo statusOf(String path) {
    return ProtoConversions.fileInfo(reads.getStatus(ProtoConversions.path(path), CACHED));
  }

  /** Under Hadoop's rules a rename into an existing folder moved the source below it. */
  private RenameOutcome renamed(RenameRequest request) {
    NamespacePath source = ProtoConversions.path(request.getSource());
    NamespacePath destination = ProtoConversions.path(request.getDestination());
    NamespacePath made = destination;
    if (!source.isRoot()) {
      NamespacePath inside = destination.child(source.name());
      if (exists(inside) && !exists(source)) {
        made = inside;
      }
    }
    return RenameOutcome.newBuilder()
        .setRenamed(true)
        .setStatus(ProtoConversions.fileInfo(reads.getStatus(made, CACHED)))
        .build();
  }

  private boolean exists(NamespacePath path) {
    try {
      return Optional.ofNullable(reads.getStatus(path, CACHED)).isPresent();
    } catch (MetasyncException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }
}
