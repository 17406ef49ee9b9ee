package io.metasync.ufs.hdfs;

import java.io.IOException;
import org.apache.hadoop.hdfs.inotify.EventBatch;
import org.apache.hadoop.hdfs.inotify.MissingEventsException;

/**
 * The non-blocking read of an inotify stream ({@code DFSInotifyEventInputStream::poll}), so that
 * {@link HdfsChangeFeed}'s waiting can be tested without a NameNode.
 */
@FunctionalInterface
interface EventBatchSource {
  /**
   * The next batch of events (all of one transaction), or null when there is none yet.
   *
   * @throws MissingEventsException when the edits after the previous batch were purged; the next
   *     call reads on from the first transaction still kept
   */
  EventBatch next() throws IOException, MissingEventsException;
}
