package io.metasync.ufs.hdfs;

import java.io.IOException;

/**
 * A NameNode's edit log as a change feed reads it: where it stands now, and a stream of its event
 * batches after a transaction. An interface so that {@link HdfsChangeFeed}'s loss detection can be
 * tested with a scripted log.
 */
interface EditLog {
  /**
   * The NameNode's last transaction id now.
   *
   * @throws IOException when the NameNode cannot be asked
   */
  long currentTxid() throws IOException;

  /**
   * A stream of the event batches after transaction {@code txid}.
   *
   * @throws IOException when the NameNode refuses it
   */
  EventBatchSource readAfter(long txid) throws IOException;
}
