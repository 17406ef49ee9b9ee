package io.metasync.ufs.hdfs;

import static org.awaitility.Awaitility.await;

import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects what a feed reports until an expected event arrives, within a deadline. */
final class FeedEvents {
  static final Duration DEADLINE = Duration.ofSeconds(20);

  private final ChangeFeed feed;
  private final List<ChangeEvent> events = new ArrayList<>();
  private boolean eventsLost;

  FeedEvents(ChangeFeed feed) {
    this.feed = feed;
  }

  /** Polls until {@code last} has arrived, and returns every event since the previous call. */
  List<ChangeEvent> until(ChangeEvent last) {
    await()
        .atMost(DEADLINE)
        .pollInSameThread()
        .pollInterval(Duration.ZERO)
        .until(
            () -> {
              ChangeBatch batch = feed.poll(Duration.ofMillis(200));
              events.addAll(batch.events());
              eventsLost |= batch.eventsLost();
              return events.contains(last);
            });
    List<ChangeEvent> seen = List.copyOf(events);
    events.clear();
    return seen;
  }

  /** Whether any batch so far said that events were lost. */
  boolean eventsLost() {
    return eventsLost;
  }
}
