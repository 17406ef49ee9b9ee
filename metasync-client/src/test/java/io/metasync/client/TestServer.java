package io.metasync.client;

import io.grpc.BindableService;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.metasync.common.LoadType;
import io.metasync.common.SyncInterval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/** A gRPC server on an ephemeral loopback port serving a hand-written fake of the master. */
final class TestServer implements AutoCloseable {
  static final CallOptions DEFAULTS = new CallOptions(SyncInterval.NEVER, LoadType.ONCE);

  private final Server server;

  private TestServer(Server server) {
    this.server = server;
  }

  static TestServer start(BindableService service) {
    return start(service.bindService());
  }

  static TestServer start(ServerServiceDefinition service) {
    try {
      return new TestServer(
          Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
              .addService(service)
              .build()
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getPort();
  }

  MetasyncClient client() {
    return MetasyncClient.connect("localhost", port(), DEFAULTS);
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
