package io.metasync.master.metrics;

import static java.util.Objects.requireNonNull;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.metasync.common.Ticker;

/**
 * Counts and times every RPC by method and by the gRPC status it ended with, from its arrival to
 * its close (a stream's whole life). Outside the service, so the service knows nothing of it.
 */
public final class RpcMetricsInterceptor implements ServerInterceptor {
  private final Counter calls;
  private final Histogram durations;
  private final Ticker ticker;

  public RpcMetricsInterceptor(MetricRegistry registry, Ticker ticker) {
    this.ticker = requireNonNull(ticker, "ticker is null");
    calls =
        registry.counter(
            "metasync_rpc_calls_total", "RPCs finished, by method and gRPC status code.",
            "method", "code");
    durations =
        registry.histogram(
            "metasync_rpc_duration_seconds",
            "Time from an RPC's arrival to its close, by method and gRPC status code.",
            "method",
            "code");
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    long startNanos = ticker.nanos();
    String method = call.getMethodDescriptor().getBareMethodName();
    return next.startCall(
        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            String code = status.getCode().name();
            calls.labels(method, code).increment();
            durations.labels(method, code).observeNanos(ticker.nanos() - startNanos);
            super.close(status, trailers);
          }
        },
        headers);
  }
}
