package io.metasync.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import io.metasync.common.CallHeaders;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** How a failed attempt is read: a transport's failure, a standby, or the master's own answer. */
class FailedAttemptTest {
  @Test
  void aChannelClosedByAKilledMasterIsUnreachableEvenAsUnknown() {
    FailedAttempt failed =
        FailedAttempt.of(
            Status.UNKNOWN
                .withDescription("channel closed")
                .withCause(new ClosedChannelException())
                .asRuntimeException());

    assertThat(failed.kind()).isEqualTo(FailedAttempt.Kind.UNREACHABLE);
  }

  @Test
  void anErrorTheMasterSentIsItsAnswerWhateverItsCode() {
    Metadata trailers = new Metadata();
    trailers.put(
        Metadata.Key.of(CallHeaders.ERROR_ORIGIN, Metadata.ASCII_STRING_MARSHALLER), "master");

    assertThat(
            FailedAttempt.of(
                    Status.UNAVAILABLE
                        .withDescription("the UFS is down")
                        .asRuntimeException(trailers))
                .kind())
        .isEqualTo(FailedAttempt.Kind.MASTER_ERROR);
    assertThat(FailedAttempt.of(Status.UNKNOWN.withDescription("odd").asRuntimeException()).kind())
        .isEqualTo(FailedAttempt.Kind.MASTER_ERROR);
  }
}
