package io.metasync.ufs.hdfs;

import io.metasync.ufs.FeedCursor;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import org.apache.hadoop.hdfs.DFSInotifyEventInputStream;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.ipc.RpcNoSuchMethodException;
import org.apache.hadoop.security.AccessControlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an {@link HdfsChangeFeed} on a mount's HDFS client: asks the NameNode for its current
 * transaction id first, which both checks that this user may read the edit log (only the HDFS
 * superuser may) and is where a fresh feed starts. A refusal becomes an {@link IOException} that
 * says what active sync needs.
 */
final class InotifyStreams {
  private static final Logger LOG = LoggerFactory.getLogger(InotifyStreams.class);

  private InotifyStreams() {}

  static HdfsChangeFeed open(
      DistributedFileSystem hdfs, URI rootUri, String rootPath, FeedCursor resumeFrom)
      throws IOException {
    long current = currentTxid(hdfs, rootUri);
    long start = current;
    boolean lost = false;
    if (resumeFrom != null) {
      Long resumed = parse(resumeFrom.value());
      if (resumed == null || resumed > current) {
        // Not a cursor of this NameNode's edit log (another cluster, a reformatted one, a damaged
        // journal): what happened meanwhile is unknown, and reading on from it would miss the
        // events up to it, so start now and say that events were lost.
        LOG.warn(
            "cannot resume the HDFS change feed of {} from '{}' (the NameNode is at txid {}):"
                + " starting from now with lost events",
            rootUri,
            resumeFrom.value(),
            current);
        lost = true;
      } else {
        start = resumed;
      }
    }
    EditLog editLog =
        new EditLog() {
          @Override
          public long currentTxid() throws IOException {
            return hdfs.getClient().getNamenode().getCurrentEditLogTxid();
          }

          @Override
          public EventBatchSource readAfter(long txid) throws IOException {
            DFSInotifyEventInputStream stream = hdfs.getInotifyEventStream(txid);
            return stream::poll;
          }
        };
    return new HdfsChangeFeed(
        rootUri,
        new InotifyEventTranslator(rootPath),
        editLog,
        start,
        lost,
        Clock.systemUTC(),
        Pause.SLEEP);
  }

  private static long currentTxid(DistributedFileSystem hdfs, URI rootUri) throws IOException {
    long current;
    try {
      current = hdfs.getClient().getNamenode().getCurrentEditLogTxid();
    } catch (IOException e) {
      throw explain(e, rootUri);
    }
    if (current < 0) {
      // a NameNode becoming active does not know its last transaction yet
      throw new IOException(
          "active sync on "
              + rootUri
              + " cannot start yet: the NameNode has no edit log open"
              + " (is it active?); try again");
    }
    return current;
  }

  /** The error that opening a feed of {@code rootUri} failed with, saying what is needed. */
  static IOException explain(IOException error, URI rootUri) {
    IOException unwrapped =
        error instanceof RemoteException remote ? remote.unwrapRemoteException() : error;
    if (unwrapped instanceof AccessControlException) {
      return new IOException(
          "active sync on "
              + rootUri
              + " needs the HDFS superuser (the NameNode's own user or a member of"
              + " dfs.permissions.superusergroup) to read the edit log through inotify; "
              + firstLine(unwrapped),
          error);
    }
    if (unwrapped instanceof RpcNoSuchMethodException
        || (error instanceof RemoteException remote
            && remote.getClassName().equals(UnsupportedOperationException.class.getName()))) {
      return new IOException(
          "active sync on "
              + rootUri
              + " needs a NameNode with HDFS inotify (Hadoop 2.7 or later); "
              + firstLine(unwrapped),
          error);
    }
    return new IOException(
        "active sync on "
            + rootUri
            + " cannot open the HDFS change feed: "
            + HdfsErrors.translate(error, rootUri).getMessage(),
        error);
  }

  private static Long parse(String cursor) {
    try {
      long txid = Long.parseLong(cursor);
      return txid < 0 ? null : txid;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String firstLine(Exception error) {
    String message = String.valueOf(error.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
