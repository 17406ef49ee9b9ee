package io.metasync.ufs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsRefusedException.Reason;
import io.metasync.ufs.hdfs.NotANameNode.Behaviour;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * A mount of a port where no NameNode answers fails within seconds, with one line that says what
 * answered there; Hadoop's own settings took 20 s or more for a server that never answers.
 */
class NameNodeProbeTest {
  /** Generous for a slow machine, far below the 20 s and more that Hadoop's settings take. */
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @Test
  void aServerThatWritesGarbageIsNotANameNode() throws IOException {
    try (NotANameNode server = NotANameNode.start(Behaviour.WRITES_GARBAGE)) {
      assertRefusedAsWrongServer(server)
          .hasMessage(
              server.address()
                  + " does not answer as an HDFS NameNode (its answer is not Hadoop RPC);"
                  + " check the host and port");
    }
  }

  @Test
  void anHttpServerIsNotANameNode() throws IOException {
    try (NotANameNode server = NotANameNode.start(Behaviour.ANSWERS_HTTP)) {
      assertRefusedAsWrongServer(server)
          .hasMessageStartingWith(server.address() + " does not answer as an HDFS NameNode");
    }
  }

  @Test
  void aServerThatClosesAtOnceIsNotANameNode() throws IOException {
    try (NotANameNode server = NotANameNode.start(Behaviour.CLOSES_AT_ONCE)) {
      assertRefusedAsWrongServer(server)
          .hasMessageStartingWith(server.address() + " does not answer as an HDFS NameNode");
    }
  }

  @Test
  void aServerThatSaysNothingFailsWithinTheProbesTimeout() throws IOException {
    try (NotANameNode server = NotANameNode.start(Behaviour.SAYS_NOTHING)) {
      Instant start = Instant.now();

      assertThatThrownBy(() -> open(server.uri()))
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(FileNotFoundException.class)
          .hasMessage(
              server.address()
                  + " accepted the connection but did not answer as an HDFS NameNode within 4 s;"
                  + " check the host and port")
          .hasNoSuppressedExceptions();
      assertThat(Duration.between(start, Instant.now())).isLessThan(DEADLINE);
    }
  }

  @Test
  void aClosedPortSaysNothingAnswersThere() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Instant start = Instant.now();

    assertThatThrownBy(() -> open(URI.create("hdfs://localhost:" + closedPort + "/data")))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(UfsRefusedException.class)
        .hasMessage(
            "nothing answers at localhost:"
                + closedPort
                + " (connection refused); check the host and port, and that the NameNode runs");
    assertThat(Duration.between(start, Instant.now())).isLessThan(DEADLINE);
  }

  @Test
  void theMountsOwnTimeoutOptionWinsOverTheProbes() {
    assertThat(
            HdfsClientConfiguration.forProbe(Map.of("ipc.client.rpc-timeout.ms", "60000"))
                .get("ipc.client.rpc-timeout.ms"))
        .isEqualTo("60000");
    assertThat(HdfsClientConfiguration.forProbe(Map.of()).get("ipc.client.rpc-timeout.ms"))
        .isEqualTo("4000");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefusedAsWrongServer(
      NotANameNode server) {
    Instant start = Instant.now();
    AbstractThrowableAssert<?, ? extends Throwable> refused =
        assertThatThrownBy(() -> open(server.uri()))
            .isInstanceOfSatisfying(
                UfsRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SERVER));
    assertThat(Duration.between(start, Instant.now())).isLessThan(DEADLINE);
    return refused;
  }

  private static void open(URI uri) throws IOException {
    new HdfsUnderFileSystemFactory().create(uri, Map.of()).close();
  }
}
