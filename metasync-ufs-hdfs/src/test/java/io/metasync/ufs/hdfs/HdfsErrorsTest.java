package io.metasync.ufs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsRefusedException.Reason;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import org.apache.hadoop.hdfs.protocol.DSQuotaExceededException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.ipc.StandbyException;
import org.junit.jupiter.api.Test;

/** What the NameNode refuses for good is a refusal; what may pass is a failure said in words. */
class HdfsErrorsTest {
  private static final URI FILE = URI.create("hdfs://nn:8020/data/x");

  @Test
  void aNameTooLongIsARefusalSayingTheLimit() {
    RemoteException remote =
        new RemoteException(
            "org.apache.hadoop.hdfs.protocol.FSLimitException$PathComponentTooLongException",
            "The maximum path component name limit of x in directory /data is exceeded:"
                + " limit=100 length=300");

    assertRefusal(HdfsErrors.translate(remote, FILE), Reason.NAME_TOO_LONG)
        .isEqualTo(
            "HDFS takes names of at most 100 bytes (dfs.namenode.fs-limits.max-component-length)");
  }

  @Test
  void aPathTooLongIsARefusal() {
    RemoteException remote =
        new RemoteException(
            IOException.class.getName(),
            "mkdirs: Pathname too long.  Limit 8000 characters, 1000 levels.");

    assertRefusal(HdfsErrors.translate(remote, FILE), Reason.NAME_TOO_LONG)
        .isEqualTo("HDFS takes paths of at most 8000 characters and 1000 levels");
  }

  @Test
  void anExceededQuotaOrFolderLimitIsARefusal() {
    assertRefusal(
            HdfsErrors.translate(new DSQuotaExceededException("space quota of /data"), FILE),
            Reason.OUT_OF_SPACE)
        .startsWith("an HDFS quota is exceeded (");
    RemoteException tooMany =
        new RemoteException(
            "org.apache.hadoop.hdfs.protocol.FSLimitException$MaxDirectoryItemsExceededException",
            "The directory item limit of /data is exceeded: limit=2 items=2");
    assertRefusal(HdfsErrors.translate(tooMany, FILE), Reason.OUT_OF_SPACE)
        .contains("dfs.namenode.fs-limits.max-directory-items");
  }

  @Test
  void safeModeStandbyAndConnectionErrorsAreFailuresInWords() {
    RemoteException safeMode =
        new RemoteException(
            "org.apache.hadoop.hdfs.server.namenode.SafeModeException",
            "Cannot create directory /data/x. Name node is in safe mode.\nThe reported blocks 0");
    assertFailure(HdfsErrors.translate(safeMode, FILE), "the NameNode is in safe mode");
    assertFailure(
        HdfsErrors.translate(new StandbyException("Operation category READ"), FILE),
        "the NameNode is a standby, not the active one");
    ConnectException refused = new ConnectException("Connection refused");
    ConnectException wrapped =
        new ConnectException(
            "Call From a to nn:8020 failed on connection exception: java.net.ConnectException:"
                + " Connection refused; For more details see: "
                + " http://wiki.apache.org/hadoop/ConnectionRefused");
    wrapped.initCause(refused);
    assertFailure(HdfsErrors.translate(wrapped, FILE), "connection refused");
  }

  @Test
  void absenceStaysAbsence() {
    RemoteException missing =
        new RemoteException(FileNotFoundException.class.getName(), "File does not exist: /x");

    assertThat(HdfsErrors.translate(missing, FILE))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage(FILE + " does not exist");
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertRefusal(
      IOException translated, Reason reason) {
    assertThat(translated)
        .isInstanceOfSatisfying(
            UfsRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    return assertThat(translated.getMessage());
  }

  private static void assertFailure(IOException translated, String message) {
    assertThat(translated).isExactlyInstanceOf(IOException.class).hasMessage(message);
  }
}
