package io.metasync.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class CauseChainTest {
  @Test
  void hadoopsConnectionErrorIsSaidOnceInWords() {
    ConnectException root = new ConnectException("Connection refused");
    ConnectException wrapped =
        new ConnectException(
            "Call From vm/127.0.0.1 to localhost:9000 failed on connection exception:"
                + " java.net.ConnectException: Connection refused; For more details see: "
                + " http://wiki.apache.org/hadoop/ConnectionRefused");
    wrapped.initCause(root);

    assertThat(CauseChain.describe(new IOException(wrapped))).isEqualTo("connection refused");
  }

  @Test
  void anUnknownHostIsNamed() {
    IllegalArgumentException error =
        new IllegalArgumentException(
            "java.net.UnknownHostException: nosuch", new UnknownHostException("nosuch"));

    assertThat(CauseChain.describe(error)).isEqualTo("unknown host 'nosuch'");
  }

  @Test
  void aTimeoutSaysHowLongItWaitedAndNothingOfTheSocket() {
    SocketTimeoutException timeout =
        new SocketTimeoutException(
            "20000 millis timeout while waiting for channel to be ready for read. ch :"
                + " java.nio.channels.SocketChannel[connected local=/127.0.0.1:1]");

    assertThat(CauseChain.describe(timeout)).isEqualTo("timed out after 20 s");
  }

  @Test
  void aWrapperThatRepeatsItsCauseIsSaidOnce() {
    IOException root = new IOException("Disk quota exceeded");
    IOException middle = new IOException("write failed: " + root.getMessage(), root);
    IOException outer = new IOException("write failed: Disk quota exceeded", middle);

    assertThat(CauseChain.describe(outer)).isEqualTo("write failed: Disk quota exceeded");
  }

  @Test
  void distinctCausesAreJoinedOutermostFirst() {
    IOException error =
        new IOException("cannot open the journal", new AccessDeniedException("/j/log"));

    assertThat(CauseChain.describe(error)).isEqualTo("cannot open the journal: permission denied");
  }

  @Test
  void classNamesInsideMessagesAreLeftOut() {
    IOException error =
        new IOException(
            "HDFS failed: org.apache.hadoop.ipc.RpcException: RPC response exceeds maximum data"
                + " length");

    assertThat(CauseChain.describe(error))
        .isEqualTo("HDFS failed: RPC response exceeds maximum data length");
  }

  @Test
  void anExceptionWithoutMessageIsNamedInWords() {
    assertThat(CauseChain.describe(new IllegalStateException())).isEqualTo("illegal state");
    assertThat(CauseChain.describe(new EOFException()))
        .isEqualTo("the connection or file ended unexpectedly");
  }

  @Test
  void aFileSystemErrorGivesItsReasonWithoutRepeatingThePath() {
    FileSystemException error =
        new FileSystemException("/data/" + "a".repeat(4_000), null, "File name too long");

    assertThat(CauseChain.describe(error)).isEqualTo("file name too long");
  }

  @Test
  void onlyTheFirstLineOfAMessageIsKept() {
    IOException error = new IOException("NameNode is in safe mode.\nThe reported blocks 0 ...");

    assertThat(CauseChain.describe(error)).isEqualTo("NameNode is in safe mode.");
  }

  @Test
  void aCycleInTheChainEnds() {
    IOException first = new IOException("first");
    IOException second = new IOException("second", first);
    first.initCause(second);

    assertThat(CauseChain.describe(first)).isEqualTo("first: second");
  }
}
