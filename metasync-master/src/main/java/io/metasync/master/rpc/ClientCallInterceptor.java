package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.metasync.common.CallHeaders;
import io.metasync.master.inode.ClientCalls;
import io.metasync.master.state.AppliedCalls;
import io.metasync.proto.journal.ClientCall;
import java.time.Clock;

/**
 * Reads the client's name for a mutation ({@code metasync-client-id}, {@code metasync-call-id}): a
 * call already applied (its first answer was lost in a fail-over) is answered from the state by
 * {@link RetryAnswers}; any other runs with the name bound to its thread ({@link ClientCalls}), so
 * that its journal entry carries it, and with whether it is a later attempt ({@code
 * metasync-call-attempt}).
 */
public final class ClientCallInterceptor implements ServerInterceptor {
  private static final Metadata.Key<String> CLIENT_ID =
      Metadata.Key.of(CallHeaders.CLIENT_ID, Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> CALL_ID =
      Metadata.Key.of(CallHeaders.CALL_ID, Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> CALL_ATTEMPT =
      Metadata.Key.of(CallHeaders.CALL_ATTEMPT, Metadata.ASCII_STRING_MARSHALLER);

  private final AppliedCalls applied;
  private final RetryAnswers answers;
  private final Clock clock;

  public ClientCallInterceptor(AppliedCalls applied, RetryAnswers answers, Clock clock) {
    this.applied = requireNonNull(applied, "applied is null");
    this.answers = requireNonNull(answers, "answers is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String clientId = headers.get(CLIENT_ID);
    String callIdText = headers.get(CALL_ID);
    if (clientId == null || callIdText == null) {
      return next.startCall(call, headers);
    }
    long callId;
    try {
      callId = Long.parseLong(callIdText);
    } catch (NumberFormatException e) {
      call.close(
          Status.INVALID_ARGUMENT.withDescription(
              "bad " + CallHeaders.CALL_ID + " header '" + callIdText + "': expected a number"),
          RpcErrors.fromMaster());
      return new ServerCall.Listener<>() {};
    }
    if (applied.contains(clientId, callId)) {
      return answers.answer(call);
    }
    // any attempt header but "1" marks a retry: a client older than the header sends none
    String attempt = headers.get(CALL_ATTEMPT);
    boolean retry = attempt != null && !attempt.equals("1");
    ClientCall named =
        ClientCall.newBuilder()
            .setClientId(clientId)
            .setCallId(callId)
            .setProposedMs(clock.millis())
            .build();
    ServerCall.Listener<Q> listener =
        ClientCalls.serving(named, retry, () -> next.startCall(call, headers));
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(Q message) {
        ClientCalls.serving(named, retry, () -> run(() -> super.onMessage(message)));
      }

      @Override
      public void onHalfClose() {
        ClientCalls.serving(named, retry, () -> run(super::onHalfClose));
      }

      @Override
      public void onCancel() {
        ClientCalls.serving(named, retry, () -> run(super::onCancel));
      }

      @Override
      public void onComplete() {
        ClientCalls.serving(named, retry, () -> run(super::onComplete));
      }

      @Override
      public void onReady() {
        ClientCalls.serving(named, retry, () -> run(super::onReady));
      }
    };
  }

  private static Void run(Runnable step) {
    step.run();
    return null;
  }
}
