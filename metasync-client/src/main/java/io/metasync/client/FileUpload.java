package io.metasync.client;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.proto.FileInfo;
import io.metasync.proto.WriteFileRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One client-streaming WriteFile call at one master, driven by the writing thread. {@link #send}
 * waits until the transport is ready for another message, so a slow master makes the writer wait
 * instead of the whole file queueing in memory; it gives up as soon as the master has answered (an
 * error, most likely), so an early refusal is not discovered only after the last byte.
 */
final class FileUpload implements ClientResponseObserver<WriteFileRequest, FileInfo> {
  private final Object readiness = new Object();
  private final CompletableFuture<FileInfo> response = new CompletableFuture<>();
  private volatile ClientCallStreamObserver<WriteFileRequest> requests;
  private FileInfo written;

  @Override
  public void beforeStart(ClientCallStreamObserver<WriteFileRequest> requests) {
    this.requests = requests;
    requests.setOnReadyHandler(this::wakeWriter);
  }

  /**
   * Sends {@code message} once the transport can take it.
   *
   * @return false when the call has already ended, so the rest of the file need not be read
   */
  boolean send(WriteFileRequest message) throws InterruptedException {
    synchronized (readiness) {
      // the ready handler notifies under this lock, so a change to ready is never missed
      while (!requests.isReady() && !response.isDone()) {
        readiness.wait();
      }
    }
    if (response.isDone()) {
      return false;
    }
    requests.onNext(message);
    return true;
  }

  /**
   * Ends the upload (unless the master already ended it) and waits for the master's answer.
   *
   * @throws StatusRuntimeException as the master or the transport failed the call
   * @throws MetasyncException INTERNAL when the call ended without an answer
   */
  FileInfo finish() throws InterruptedException {
    if (!response.isDone()) {
      requests.onCompleted();
    }
    try {
      return response.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusRuntimeException status) {
        throw status;
      }
      throw new MetasyncException(
          ErrorCode.INTERNAL, "the upload failed: " + e.getCause(), e.getCause());
    }
  }

  /** Whether the master has ended the call, with its answer or an error. */
  boolean ended() {
    return response.isDone();
  }

  /** Abandons the upload; the master discards what it received. */
  void cancel(String why, Throwable cause) {
    requests.cancel(why, cause);
  }

  @Override
  public void onNext(FileInfo value) {
    written = value;
  }

  @Override
  public void onError(Throwable t) {
    response.completeExceptionally(t);
    wakeWriter();
  }

  @Override
  public void onCompleted() {
    if (written == null) {
      response.completeExceptionally(
          new IllegalStateException("the master ended the upload without a status"));
    } else {
      response.complete(written);
    }
    wakeWriter();
  }

  private void wakeWriter() {
    synchronized (readiness) {
      readiness.notifyAll();
    }
  }
}
