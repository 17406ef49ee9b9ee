package io.metasync.ufs;

import static java.util.Objects.requireNonNull;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Polls a change feed and keeps every event and lost-events signal it returned, so a test can wait,
 * with a deadline, until what it expects has arrived. Used by one thread.
 */
public final class ChangeRecorder {
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(50);

  private final ChangeFeed feed;
  private final Duration deadline;
  private final List<ChangeEvent> events = new ArrayList<>();
  private final List<ChangeBatch> batches = new ArrayList<>();
  private boolean eventsLost;

  public ChangeRecorder(ChangeFeed feed, Duration deadline) {
    this.feed = requireNonNull(feed, "feed is null");
    this.deadline = requireNonNull(deadline, "deadline is null");
  }

  /** Polls the feed once, waiting up to {@code timeout}, and records what it returned. */
  public ChangeBatch pollOnce(Duration timeout) throws IOException, InterruptedException {
    ChangeBatch batch = feed.poll(timeout);
    batches.add(batch);
    events.addAll(batch.events());
    eventsLost |= batch.eventsLost();
    return batch;
  }

  /** Polls until {@code condition} holds for this recorder; fails after the deadline. */
  public void awaitUntil(String description, Predicate<ChangeRecorder> condition) {
    try {
      await(description)
          .atMost(deadline)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(1))
          .pollInSameThread()
          .until(
              () -> {
                pollOnce(POLL_TIMEOUT);
                return condition.test(this);
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "no " + description + " within " + deadline + "; the feed reported " + this, e);
    }
  }

  /** Polls until an event of {@code kind} on {@code path} has arrived. */
  public void awaitEvent(ChangeKind kind, String path) {
    ChangeEvent expected = ChangeEvent.of(kind, path);
    awaitUntil(expected.toString(), recorder -> recorder.events.contains(expected));
  }

  public boolean contains(ChangeEvent event) {
    return events.contains(event);
  }

  public boolean hasEventUnder(String folder) {
    return events.stream()
        .anyMatch(
            event ->
                isUnder(event.path(), folder)
                    || (event.destination() != null && isUnder(event.destination(), folder)));
  }

  private static boolean isUnder(String path, String folder) {
    return path.equals(folder) || path.startsWith(folder + "/");
  }

  public boolean eventsLost() {
    return eventsLost;
  }

  public List<ChangeEvent> events() {
    return List.copyOf(events);
  }

  public List<ChangeBatch> batches() {
    return List.copyOf(batches);
  }

  /** Forgets what was recorded so far. */
  public void clear() {
    events.clear();
    batches.clear();
    eventsLost = false;
  }

  @Override
  public String toString() {
    return "events " + events + (eventsLost ? ", events lost" : "");
  }
}
