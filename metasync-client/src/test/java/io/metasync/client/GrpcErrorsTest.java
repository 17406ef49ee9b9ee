package io.metasync.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class GrpcErrorsTest {
  private final GrpcErrors errors = new GrpcErrors("localhost:19998");

  @Test
  void masterErrorKeepsItsCodeAndMessage() {
    MetasyncException e =
        errors.toMetasyncException(
            Status.NOT_FOUND.withDescription("/a/b does not exist").asRuntimeException());

    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(e).hasMessage("/a/b does not exist");
  }

  @Test
  void unavailableSentByTheMasterKeepsItsMessage() {
    MetasyncException e =
        errors.toMetasyncException(
            Status.UNAVAILABLE
                .withDescription("cannot list hdfs://nn:8020/x: connection refused")
                .asRuntimeException());

    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(e).hasMessage("cannot list hdfs://nn:8020/x: connection refused");
  }

  @Test
  void refusedConnectionSaysHowToStartTheMaster() {
    MetasyncException e =
        errors.toMetasyncException(
            Status.UNAVAILABLE
                .withDescription("io exception")
                .withCause(new ConnectException("Connection refused"))
                .asRuntimeException());

    assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(e)
        .hasMessage(
            "cannot reach the master at localhost:19998"
                + " (is it running? start it with bin/metasync master)");
  }

  @Test
  void codeMetasyncNeverSendsBecomesInternalNamingTheCode() {
    MetasyncException e = errors.toMetasyncException(Status.DATA_LOSS.asRuntimeException());

    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(e).hasMessageContaining("localhost:19998").hasMessageContaining("DATA_LOSS");
  }
}
