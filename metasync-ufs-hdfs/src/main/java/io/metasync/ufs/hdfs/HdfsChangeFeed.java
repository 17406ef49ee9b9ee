package io.metasync.ufs.hdfs;

import static io.metasync.common.Preconditions.checkArgument;
import static io.metasync.common.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.FeedCursor;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hdfs.inotify.Event;
import org.apache.hadoop.hdfs.inotify.EventBatch;
import org.apache.hadoop.hdfs.inotify.MissingEventsException;

/**
 * The change feed of an HDFS mount: the NameNode's inotify stream (its edit log, read by
 * transaction id), translated to paths below the mount's root. The cursor is the transaction id of
 * the last event batch returned, so a feed opened again from it reads on after that batch.
 *
 * <p>HDFS reports the whole namespace, so this feed keeps no set of watched folders: it reports
 * every change below the mount's root, and callers map events to their sync points. Changes outside
 * the root are dropped.
 *
 * <p>It waits by reading the stream without blocking and pausing briefly between empty reads (from
 * {@link #FIRST_PAUSE} doubling to {@link #LONGEST_PAUSE}): the stream's own blocking reads back
 * off up to a minute, which would hold an event that long. An empty read costs one NameNode call
 * that reads no edits.
 *
 * <p>Lost events are reported, never hidden: purged edits (the stream says so), and a NameNode
 * whose last transaction id is below this feed's cursor (it was reformatted, or restored from an
 * older image), checked every {@link #TXID_CHECK_PERIOD} and after every failed read. The feed then
 * reads on from the NameNode's current transaction. A failed read is thrown, so that the caller
 * shows the feed as failing.
 *
 * <p>It never writes to HDFS, and it does not own the HDFS client: closing the mount's UFS ends it.
 */
final class HdfsChangeFeed implements ChangeFeed {
  static final Duration FIRST_PAUSE = Duration.ofMillis(1);
  static final Duration LONGEST_PAUSE = Duration.ofMillis(20);

  /** At most this many events per batch (plus the rest of one transaction's). */
  static final int MAX_EVENTS = 1000;

  /** How often the NameNode's last transaction id is compared with the cursor. */
  static final Duration TXID_CHECK_PERIOD = Duration.ofSeconds(1);

  private final URI rootUri;
  private final InotifyEventTranslator translator;
  private final EditLog editLog;
  private final Clock clock;
  private final Pause pause;
  private EventBatchSource source;
  private volatile long txid;

  /** The NameNode's last transaction when this feed last asked (every second), -1 before. */
  private volatile long nameNodeTxid = -1;

  private boolean unreportedLoss;
  private Instant nextTxidCheck;
  private boolean lastReadFailed;
  private volatile boolean closed;

  /**
   * @param txid the transaction after which the feed reads
   * @param eventsLost whether events before {@code txid} were missed (a cursor that could not be
   *     resumed from), for the first batch to say so
   * @throws IOException when the NameNode refuses the stream
   */
  HdfsChangeFeed(
      URI rootUri,
      InotifyEventTranslator translator,
      EditLog editLog,
      long txid,
      boolean eventsLost,
      Clock clock,
      Pause pause)
      throws IOException {
    this.rootUri = requireNonNull(rootUri, "rootUri is null");
    this.translator = requireNonNull(translator, "translator is null");
    this.editLog = requireNonNull(editLog, "editLog is null");
    this.txid = txid;
    this.unreportedLoss = eventsLost;
    this.clock = requireNonNull(clock, "clock is null");
    this.pause = requireNonNull(pause, "pause is null");
    this.source = editLog.readAfter(txid);
    this.nextTxidCheck = clock.instant().plus(TXID_CHECK_PERIOD);
  }

  /** Nothing to do: HDFS reports every folder (see the class comment). */
  @Override
  public void watch(String path) {
    checkArgument(path.startsWith("/"), "UFS path '%s' is not absolute", path);
  }

  @Override
  public void unwatch(String path) {}

  @Override
  public ChangeBatch poll(Duration timeout) throws IOException, InterruptedException {
    checkState(!closed, "the change feed of %s is closed", rootUri);
    Instant deadline = clock.instant().plus(timeout);
    Duration nextPause = FIRST_PAUSE;
    while (true) {
      ChangeBatch batch = read();
      if (!batch.events().isEmpty() || batch.eventsLost()) {
        return batch;
      }
      // batches of changes outside the root move the cursor and are waited past
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        return batch;
      }
      pause.pause(nextPause.compareTo(left) < 0 ? nextPause : left);
      nextPause = nextPause.multipliedBy(2);
      if (nextPause.compareTo(LONGEST_PAUSE) > 0) {
        nextPause = LONGEST_PAUSE;
      }
    }
  }

  /** What the stream has now, without waiting, up to {@link #MAX_EVENTS}. */
  private ChangeBatch read() throws IOException {
    if (lastReadFailed || !clock.instant().isBefore(nextTxidCheck)) {
      checkTxidGoesForward();
    }
    List<ChangeEvent> events = new ArrayList<>();
    boolean lost = unreportedLoss;
    long readTxid = txid;
    while (events.size() < MAX_EVENTS) {
      EventBatch batch;
      try {
        batch = source.next();
      } catch (MissingEventsException e) {
        // The edits after the cursor were purged (its message is null: the txids say what).
        // The stream reads on from the first transaction kept, and so does the cursor.
        lost = true;
        readTxid = e.getActualTxid() - 1;
        continue;
      } catch (IOException e) {
        if (events.isEmpty() && !lost && readTxid == txid) {
          lastReadFailed = true;
          throw new IOException(
              "the HDFS change feed of "
                  + rootUri
                  + " failed to read the edit log: "
                  + HdfsErrors.translate(e, rootUri).getMessage(),
              e);
        }
        // What was read is delivered; the failure shows again at the next poll.
        break;
      }
      if (batch == null) {
        break;
      }
      readTxid = batch.getTxid();
      for (Event event : batch.getEvents()) {
        translator.translate(event).ifPresent(events::add);
      }
    }
    txid = readTxid;
    unreportedLoss = false;
    return new ChangeBatch(events, lost, cursor());
  }

  /**
   * A NameNode behind this feed's cursor lost the edits up to it (reformatted, or restored from an
   * older image): nothing read after the cursor would be this namespace's news, so the loss is
   * reported and the feed reads on from the NameNode's current transaction.
   */
  private void checkTxidGoesForward() throws IOException {
    long current;
    try {
      current = editLog.currentTxid();
    } catch (IOException e) {
      lastReadFailed = true;
      throw new IOException(
          "the HDFS change feed of "
              + rootUri
              + " cannot reach the NameNode: "
              + HdfsErrors.translate(e, rootUri).getMessage(),
          e);
    }
    nameNodeTxid = current;
    if (current >= 0 && current < txid) {
      source = editLog.readAfter(current);
      txid = current;
      unreportedLoss = true;
    }
    lastReadFailed = false;
    nextTxidCheck = clock.instant().plus(TXID_CHECK_PERIOD);
  }

  @Override
  public java.util.OptionalLong backlog() {
    long known = nameNodeTxid;
    return known < 0
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(Math.max(0, known - txid));
  }

  @Override
  public FeedCursor cursor() {
    return new FeedCursor(Long.toString(txid));
  }

  @Override
  public void close() {
    closed = true;
  }
}
