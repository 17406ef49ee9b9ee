package io.metasync.master.rpc;

import io.grpc.stub.StreamObserver;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.common.PrintableNames;
import io.metasync.master.file.Creator;
import io.metasync.master.file.FileCreation;
import io.metasync.master.file.WriteOperations;
import io.metasync.master.security.Caller;
import io.metasync.master.security.PathAuthorizer;
import io.metasync.proto.FileInfo;
import io.metasync.proto.WriteFileRequest;

/**
 * The server side of one {@code WriteFile} stream: the header creates the UFS file, chunks are
 * written as they arrive (gRPC asks for the next message only after this one returns, which is the
 * flow control), and the end of the stream completes the file. A client that fails or cancels
 * leaves no partial file behind.
 */
final class FileUpload implements StreamObserver<WriteFileRequest> {
  private final WriteOperations writes;
  private final PathAuthorizer authorizer;
  private final Caller caller;
  private final Creator creator;
  private final StreamObserver<FileInfo> response;
  private FileCreation creation;
  private Audit audit;
  private boolean failed;

  FileUpload(
      WriteOperations writes,
      PathAuthorizer authorizer,
      Caller caller,
      Creator creator,
      StreamObserver<FileInfo> response) {
    this.creator = creator;
    this.writes = writes;
    this.authorizer = authorizer;
    this.caller = caller;
    this.response = response;
  }

  @Override
  public void onNext(WriteFileRequest request) {
    if (failed) {
      return;
    }
    try {
      switch (request.getPartCase()) {
        case HEADER -> {
          if (creation != null) {
            throw MetasyncException.invalidArgument("a WriteFile stream carries one header");
          }
          NamespacePath path = ProtoConversions.path(request.getHeader().getPath());
          audit = Audit.mutation(caller, "create", path.toString());
          PrintableNames.checkCreatable(path);
          authorizer.checkCreate(caller, path);
          creation =
              writes.createFile(
                  path, creator, ProtoConversions.createOptions(request.getHeader().getOptions()));
        }
        case CHUNK -> {
          if (creation == null) {
            throw MetasyncException.invalidArgument("a WriteFile stream starts with its header");
          }
          creation.write(request.getChunk().toByteArray());
        }
        case PART_NOT_SET -> throw MetasyncException.invalidArgument("empty WriteFile message");
      }
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void fail(RuntimeException error) {
    failed = true;
    if (audit != null) {
      audit.failed(error);
    }
    if (creation != null) {
      creation.abort();
    }
    response.onError(RpcErrors.toStatus(error));
  }

  @Override
  public void onError(Throwable error) {
    if (creation != null && !failed) {
      creation.abort();
    }
    failed = true;
  }

  @Override
  public void onCompleted() {
    if (failed) {
      return;
    }
    if (creation == null) {
      fail(MetasyncException.invalidArgument("a WriteFile stream needs a header"));
      return;
    }
    try {
      FileInfo info = ProtoConversions.fileInfo(creation.complete());
      audit.succeeded();
      response.onNext(info);
      response.onCompleted();
    } catch (RuntimeException e) {
      failed = true;
      audit.failed(e);
      response.onError(RpcErrors.toStatus(e));
    }
  }
}
