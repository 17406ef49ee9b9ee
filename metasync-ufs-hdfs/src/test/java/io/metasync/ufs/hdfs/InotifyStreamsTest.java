package io.metasync.ufs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.ipc.RpcNoSuchMethodException;
import org.junit.jupiter.api.Test;

/**
 * How a NameNode's refusal to serve inotify is told to the user (a superuser refusal is tested on a
 * real cluster).
 */
class InotifyStreamsTest {
  private static final URI ROOT = URI.create("hdfs://nn:8020/data");

  @Test
  void aNameNodeWithoutInotifyIsNamedAsSuch() {
    RemoteException refusal =
        new RemoteException(
            RpcNoSuchMethodException.class.getName(),
            "Unknown method getCurrentEditLogTxid called on ClientProtocol");

    assertThat(InotifyStreams.explain(refusal, ROOT))
        .hasMessageContaining("active sync on hdfs://nn:8020/data")
        .hasMessageContaining("needs a NameNode with HDFS inotify")
        .hasMessageContaining("Unknown method getCurrentEditLogTxid");
  }

  @Test
  void otherFailuresNameTheMountAndTheCause() {
    RemoteException failure =
        new RemoteException(
            "org.apache.hadoop.hdfs.server.namenode.SafeModeException", "in safe mode");

    assertThat(InotifyStreams.explain(failure, ROOT))
        .hasMessageContaining("active sync on hdfs://nn:8020/data cannot open the HDFS change feed")
        .hasMessageContaining("in safe mode");
  }
}
