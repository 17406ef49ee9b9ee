package io.metasync.ufs.hdfs;

import io.metasync.common.CauseChain;
import io.metasync.ufs.UfsRefusedException;
import io.metasync.ufs.UfsRefusedException.Reason;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.ipc.RpcException;
import org.apache.hadoop.net.ConnectTimeoutException;

/**
 * The first call of a mount, on a client of its own with short timeouts ({@link
 * HdfsClientConfiguration#forProbe}): it tells a NameNode that is down from a port where something
 * else answers (a web server, another service), and says which in one line, within seconds.
 */
final class NameNodeProbe {
  private static final String CHECK = "; check the host and port";

  private NameNodeProbe() {}

  /**
   * @throws FileNotFoundException when the NameNode answers that the root folder does not exist
   * @throws UfsRefusedException WRONG_SERVER when what answers is not a NameNode
   * @throws IOException when nothing answers, or the NameNode fails (in words, saying what to do)
   */
  static void check(URI rootUri, String rootPath, Configuration conf) throws IOException {
    try (DistributedFileSystem probe = HdfsUnderFileSystemFactory.connect(rootUri, conf)) {
      if (probe.getClient().getFileInfo(rootPath) == null) {
        throw new FileNotFoundException(rootUri + " does not exist");
      }
    } catch (FileNotFoundException e) {
      throw e;
    } catch (IOException e) {
      throw failure(e, rootUri, conf);
    }
  }

  static IOException failure(IOException error, URI rootUri, Configuration conf) {
    String address = rootUri.getAuthority();
    if (error instanceof RemoteException remote) {
      if (remote.getClassName().endsWith("RpcNoSuchProtocolException")) {
        return new UfsRefusedException(
            Reason.WRONG_SERVER,
            address + " is a Hadoop service but not an HDFS NameNode" + CHECK,
            error);
      }
      return HdfsErrors.translate(error, rootUri); // a NameNode answered
    }
    String notNameNode = address + " does not answer as an HDFS NameNode (";
    if (find(error, RpcException.class) != null) {
      return new UfsRefusedException(
          Reason.WRONG_SERVER, notNameNode + "its answer is not Hadoop RPC)" + CHECK, error);
    }
    if (find(error, EOFException.class) != null) {
      return new UfsRefusedException(
          Reason.WRONG_SERVER,
          notNameNode + "it closed the connection without an answer)" + CHECK,
          error);
    }
    if (find(error, ConnectTimeoutException.class) != null) {
      return new IOException(
          address
              + " did not accept a connection within "
              + seconds(conf, "ipc.client.connect.timeout")
              + CHECK
              + ", and that the NameNode runs",
          error);
    }
    if (find(error, SocketTimeoutException.class) != null) {
      return new IOException(
          address
              + " accepted the connection but did not answer as an HDFS NameNode within "
              + seconds(conf, "ipc.client.rpc-timeout.ms")
              + CHECK,
          error);
    }
    if (find(error, ConnectException.class) != null) {
      return new IOException(
          "nothing answers at "
              + address
              + " (connection refused)"
              + CHECK
              + ", and that the"
              + " NameNode runs",
          error);
    }
    SocketException reset = find(error, SocketException.class);
    if (reset != null && String.valueOf(reset.getMessage()).contains("reset")) {
      return new UfsRefusedException(
          Reason.WRONG_SERVER, notNameNode + "it reset the connection)" + CHECK, error);
    }
    return new IOException(
        "cannot reach the HDFS NameNode " + address + ": " + CauseChain.describe(error), error);
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private static String seconds(Configuration conf, String key) {
    long millis = conf.getLong(key, 0);
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
