package io.metasync.ufs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.FeedCursor;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.hdfs.inotify.Event;
import org.apache.hadoop.hdfs.inotify.EventBatch;
import org.apache.hadoop.hdfs.inotify.MissingEventsException;
import org.junit.jupiter.api.Test;

/** The feed's waiting, batching and loss reporting, over a scripted stream and a manual clock. */
class HdfsChangeFeedPollTest {
  private final ManualClock clock = new ManualClock();
  private final List<Duration> pauses = new ArrayList<>();

  /** What each read of the stream returns: a batch, null (nothing yet), or an exception. */
  private final Deque<Object> script = new ArrayDeque<>();

  /** The NameNode's last transaction id, or the IOException that asking for it throws. */
  private Object namenodeTxid = 1_000_000L;

  /** The transactions after which streams were opened. */
  private final List<Long> readsAfter = new ArrayList<>();

  @Test
  void returnsWhatIsThereWithoutPausing() throws Exception {
    script.add(batch(7, "/data/a"));
    script.add(batch(8, "/data/b"));

    ChangeBatch batch = feed(5, false).poll(Duration.ofSeconds(1));

    assertThat(batch.events())
        .containsExactly(
            ChangeEvent.of(ChangeKind.CONTENT, "/a"), ChangeEvent.of(ChangeKind.CONTENT, "/b"));
    assertThat(batch.eventsLost()).isFalse();
    assertThat(batch.cursor()).isEqualTo(new FeedCursor("8"));
    assertThat(pauses).isEmpty();
  }

  @Test
  void theBacklogIsTheNameNodesLastTransactionMinusWhatWasRead() throws Exception {
    HdfsChangeFeed feed = feed(5, false);
    assertThat(feed.backlog()).isEmpty(); // it has not asked the NameNode yet

    clock.advance(HdfsChangeFeed.TXID_CHECK_PERIOD);
    script.add(batch(8, "/data/a"));
    feed.poll(Duration.ZERO);

    assertThat(feed.backlog()).hasValue(1_000_000L - 8);
  }

  @Test
  void waitsWithShortDoublingPausesUntilTheTimeout() throws Exception {
    HdfsChangeFeed feed = feed(5, false);

    ChangeBatch batch = feed.poll(Duration.ofMillis(100));

    assertThat(batch.events()).isEmpty();
    assertThat(batch.cursor()).isEqualTo(new FeedCursor("5"));
    assertThat(pauses.subList(0, 6))
        .containsExactly(millis(1), millis(2), millis(4), millis(8), millis(16), millis(20));
    assertThat(pauses).allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(millis(20)));
    assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(millis(100));
  }

  @Test
  void anEventThatArrivesWhileWaitingEndsTheWait() throws Exception {
    script.add("nothing");
    script.add("nothing");
    script.add(batch(6, "/data/a"));

    ChangeBatch batch = feed(5, false).poll(Duration.ofSeconds(30));

    assertThat(batch.events()).hasSize(1);
    assertThat(pauses).containsExactly(millis(1), millis(2));
  }

  @Test
  void changesOutsideTheRootMoveTheCursorButDoNotEndTheWait() throws Exception {
    script.add(batch(6, "/elsewhere/a"));

    ChangeBatch batch = feed(5, false).poll(Duration.ofMillis(10));

    assertThat(batch.events()).isEmpty();
    assertThat(batch.cursor()).isEqualTo(new FeedCursor("6"));
  }

  @Test
  void aBatchIsBoundedAndTheRestComesNext() throws Exception {
    for (int txid = 1; txid <= HdfsChangeFeed.MAX_EVENTS + 10; txid++) {
      script.add(batch(txid, "/data/f" + txid));
    }
    HdfsChangeFeed feed = feed(0, false);

    ChangeBatch first = feed.poll(Duration.ZERO);
    ChangeBatch second = feed.poll(Duration.ZERO);

    assertThat(first.events()).hasSize(HdfsChangeFeed.MAX_EVENTS);
    assertThat(first.cursor()).isEqualTo(new FeedCursor(String.valueOf(HdfsChangeFeed.MAX_EVENTS)));
    assertThat(second.events()).hasSize(10);
    assertThat(second.cursor())
        .isEqualTo(new FeedCursor(String.valueOf(HdfsChangeFeed.MAX_EVENTS + 10)));
  }

  @Test
  void purgedEditsAreLostEventsAndReadingGoesOnFromTheFirstKept() throws Exception {
    script.add(new MissingEventsException(6, 40));
    script.add(batch(41, "/data/a"));
    HdfsChangeFeed feed = feed(5, false);

    ChangeBatch batch = feed.poll(Duration.ofSeconds(1));

    assertThat(batch.eventsLost()).isTrue();
    assertThat(batch.events()).containsExactly(ChangeEvent.of(ChangeKind.CONTENT, "/a"));
    assertThat(batch.cursor()).isEqualTo(new FeedCursor("41"));
    assertThat(feed.poll(Duration.ZERO).eventsLost()).isFalse();
  }

  @Test
  void aLossWithNothingAfterItIsReportedAtOnce() throws Exception {
    script.add(new MissingEventsException(6, 40));

    ChangeBatch batch = feed(5, false).poll(Duration.ofSeconds(1));

    assertThat(batch.eventsLost()).isTrue();
    assertThat(batch.cursor()).isEqualTo(new FeedCursor("39"));
    assertThat(pauses).isEmpty();
  }

  @Test
  void aFeedThatCouldNotResumeSaysSoInItsFirstBatchOnly() throws Exception {
    HdfsChangeFeed feed = feed(5, true);

    assertThat(feed.poll(Duration.ofSeconds(1)).eventsLost()).isTrue();
    assertThat(feed.poll(Duration.ZERO).eventsLost()).isFalse();
  }

  @Test
  void aFailureAfterSomeEventsDeliversThemAndShowsAtTheNextPoll() throws Exception {
    script.add(batch(6, "/data/a"));
    script.add(new IOException("connection refused"));
    script.add(new IOException("connection refused"));
    HdfsChangeFeed feed = feed(5, false);

    assertThat(feed.poll(Duration.ofSeconds(1)).events()).hasSize(1);
    assertThatThrownBy(() -> feed.poll(Duration.ofSeconds(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("hdfs://nn/data")
        .hasMessageContaining("connection refused");
    assertThat(feed.cursor()).isEqualTo(new FeedCursor("6"));
  }

  @Test
  void aNameNodeBehindTheCursorIsReportedAsLostEventsAndReadFromItsCurrentTransaction()
      throws Exception {
    HdfsChangeFeed feed = feed(500, false);
    assertThat(feed.poll(Duration.ZERO).eventsLost()).isFalse();

    // reformatted: its log restarts below the cursor, and the old stream reads nothing past 500
    namenodeTxid = 12L;
    clock.advance(HdfsChangeFeed.TXID_CHECK_PERIOD);
    ChangeBatch batch = feed.poll(Duration.ZERO);

    assertThat(batch.eventsLost()).isTrue();
    assertThat(batch.cursor()).isEqualTo(new FeedCursor("12"));
    assertThat(readsAfter).containsExactly(500L, 12L);
    script.add(batch(13, "/data/new"));
    assertThat(feed.poll(Duration.ZERO).events())
        .containsExactly(ChangeEvent.of(ChangeKind.CONTENT, "/new"));
  }

  @Test
  void aFailedReadIsFollowedByATxidCheckBeforeTheNextRead() throws Exception {
    HdfsChangeFeed feed = feed(500, false);
    script.add(new IOException("connection refused"));
    assertThatThrownBy(() -> feed.poll(Duration.ZERO)).isInstanceOf(IOException.class);

    // the NameNode came back formatted, well within one check period
    namenodeTxid = 3L;
    ChangeBatch batch = feed.poll(Duration.ZERO);

    assertThat(batch.eventsLost()).isTrue();
    assertThat(batch.cursor()).isEqualTo(new FeedCursor("3"));
  }

  @Test
  void aNameNodeThatCannotBeAskedForItsTxidFailsThePoll() throws Exception {
    HdfsChangeFeed feed = feed(500, false);
    namenodeTxid = new IOException("connection refused");
    clock.advance(HdfsChangeFeed.TXID_CHECK_PERIOD);

    assertThatThrownBy(() -> feed.poll(Duration.ZERO))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot reach the NameNode")
        .hasMessageContaining("hdfs://nn/data");
  }

  @Test
  void aNameNodeAheadOfTheCursorIsReadOnWithoutLoss() throws Exception {
    HdfsChangeFeed feed = feed(5, false);
    clock.advance(HdfsChangeFeed.TXID_CHECK_PERIOD);
    script.add(batch(6, "/data/a"));

    ChangeBatch batch = feed.poll(Duration.ZERO);

    assertThat(batch.eventsLost()).isFalse();
    assertThat(batch.events()).hasSize(1);
    assertThat(readsAfter).containsExactly(5L);
  }

  private HdfsChangeFeed feed(long txid, boolean eventsLost) throws IOException {
    return new HdfsChangeFeed(
        URI.create("hdfs://nn/data"),
        new InotifyEventTranslator("/data"),
        new ScriptedEditLog(),
        txid,
        eventsLost,
        clock,
        duration -> {
          pauses.add(duration);
          clock.advance(duration);
        });
  }

  /** The NameNode's transaction id is {@link #namenodeTxid}; every stream reads the script. */
  private final class ScriptedEditLog implements EditLog {
    @Override
    public long currentTxid() throws IOException {
      if (namenodeTxid instanceof IOException e) {
        throw e;
      }
      return (Long) namenodeTxid;
    }

    @Override
    public EventBatchSource readAfter(long txid) {
      readsAfter.add(txid);
      return HdfsChangeFeedPollTest.this::next;
    }
  }

  private EventBatch next() throws IOException, MissingEventsException {
    Object step = script.poll();
    if (step instanceof EventBatch batch) {
      return batch;
    }
    if (step instanceof IOException e) {
      throw e;
    }
    if (step instanceof MissingEventsException e) {
      throw e;
    }
    return null;
  }

  private static EventBatch batch(long txid, String path) {
    return new EventBatch(txid, new Event[] {new Event.CloseEvent(path, 1, 1)});
  }

  private static Duration millis(long millis) {
    return Duration.ofMillis(millis);
  }

  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
