package io.metasync.master.rpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * A server stream that a producer thread (not a gRPC callback thread) writes to, blocking while the
 * client is not ready for more. This is what keeps a listing of millions of entries or a large file
 * from piling up in the master's memory when the client reads slowly. Create it inside the service
 * method, before that method returns, so the handlers are registered in time.
 */
final class FlowControlledStream<T> {
  private final ServerCallStreamObserver<T> observer;
  private final Object readiness = new Object();
  private final Object sending = new Object();
  private volatile boolean cancelled;

  FlowControlledStream(StreamObserver<T> responseObserver) {
    this.observer = (ServerCallStreamObserver<T>) responseObserver;
    observer.setOnReadyHandler(this::wakeUp);
    observer.setOnCancelHandler(
        () -> {
          cancelled = true;
          wakeUp();
        });
  }

  private void wakeUp() {
    synchronized (readiness) {
      readiness.notifyAll();
    }
  }

  boolean isCancelled() {
    return cancelled;
  }

  /**
   * Sends one message once the client can take it. Several threads may send; messages are
   * serialized.
   *
   * @throws StreamCancelledException when the client went away
   */
  void send(T message) {
    synchronized (sending) {
      awaitReady();
      observer.onNext(message);
    }
  }

  private void awaitReady() {
    synchronized (readiness) {
      while (!observer.isReady() && !cancelled) {
        try {
          // The timeout only guards against a lost wake-up; readiness normally ends the wait.
          readiness.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StreamCancelledException();
        }
      }
    }
    if (cancelled) {
      throw new StreamCancelledException();
    }
  }

  void complete() {
    synchronized (sending) {
      if (!cancelled) {
        observer.onCompleted();
      }
    }
  }

  void fail(Throwable error) {
    synchronized (sending) {
      if (!cancelled) {
        observer.onError(RpcErrors.toStatus(error));
      }
    }
  }

  /** Thrown to unwind a producer whose client went away. */
  static final class StreamCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StreamCancelledException() {
      super("the client cancelled the call", null, false, false);
    }
  }
}
