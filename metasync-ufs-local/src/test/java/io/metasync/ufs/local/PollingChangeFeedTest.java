package io.metasync.ufs.local;

import static io.metasync.ufs.ChangeKind.CONTENT;
import static io.metasync.ufs.ChangeKind.CREATE;
import static io.metasync.ufs.ChangeKind.DELETE;
import static io.metasync.ufs.ChangeKind.METADATA;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.ufs.ChangeBatch;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.CountingUnderFileSystem;
import io.metasync.ufs.FaultInjectingUnderFileSystem;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.ManualClock;
import io.metasync.ufs.PollingChangeFeed;
import io.metasync.ufs.UfsOperation;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The polling feed on a manual clock: when it lists, what it compares, how it fails. */
class PollingChangeFeedTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final byte[] HELLO = "hello".getBytes(UTF_8);

  @TempDir Path root;
  private final ManualClock clock = new ManualClock(START);
  private final List<Duration> sleeps = new ArrayList<>();
  private LocalFolderWriter writer;
  private CountingUnderFileSystem counting;
  private FaultInjectingUnderFileSystem faulty;
  private PollingChangeFeed feed;

  @BeforeEach
  void createWatchedFolder() throws IOException {
    writer = new LocalFolderWriter(root);
    writer.createFolder("/w");
    writer.createFile("/w/existing", HELLO);
    writer.createFolder("/w/sub");
    writer.createFile("/w/sub/inner", HELLO);
    counting =
        new CountingUnderFileSystem(
            new LocalUnderFileSystemFactory().create(root.toUri(), Map.of()));
    faulty = new FaultInjectingUnderFileSystem(counting);
    feed = newFeed(null);
    feed.watch("/w");
    counting.reset();
  }

  @AfterEach
  void close() throws IOException {
    feed.close();
    faulty.close();
  }

  private PollingChangeFeed newFeed(FeedCursor resumeFrom) {
    return new PollingChangeFeed(
        faulty,
        resumeFrom,
        INTERVAL,
        clock,
        duration -> {
          sleeps.add(duration);
          clock.advance(duration);
        });
  }

  @Test
  void pollShorterThanTheIntervalWaitsOnTheClockWithoutListing() throws Exception {
    ChangeBatch batch = feed.poll(Duration.ofSeconds(3));

    assertThat(batch.events()).isEmpty();
    assertThat(batch.eventsLost()).isFalse();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(counting.total()).isZero();
  }

  @Test
  void quietPollListsOncePerIntervalUntilItsTimeout() throws Exception {
    ChangeBatch batch = feed.poll(Duration.ofSeconds(33));

    assertThat(batch.events()).isEmpty();
    // At 10, 20 and 30 s: one status and one listing per folder each time.
    assertThat(counting.count(UfsOperation.GET_STATUS)).isEqualTo(3);
    assertThat(counting.count(UfsOperation.LIST)).isEqualTo(6);
    assertThat(sleeps).containsExactly(seconds(10), seconds(10), seconds(10), seconds(3));
  }

  @Test
  void changeIsReportedByTheNextListingAndCursorIsItsStart() throws Exception {
    writer.createFile("/w/new", HELLO);
    assertThat(feed.poll(Duration.ofSeconds(1)).events()).isEmpty();

    ChangeBatch batch = feed.poll(Duration.ofMinutes(1));

    assertThat(batch.events()).contains(ChangeEvent.of(CREATE, "/w/new"));
    assertThat(batch.eventsLost()).isFalse();
    assertThat(batch.cursor())
        .isEqualTo(new FeedCursor("listed-at-ms:" + START.plus(INTERVAL).toEpochMilli()));
    assertThat(feed.cursor()).isEqualTo(batch.cursor());
  }

  @Test
  void modeChangeIsMetadataAndTimeChangeIsContent() throws Exception {
    writer.setMode("/w/existing", 0600);
    Files.setLastModifiedTime(root.resolve("w/sub/inner"), FileTime.fromMillis(1_000));

    ChangeBatch batch = feed.poll(Duration.ofMinutes(1));

    assertThat(batch.events())
        .containsExactlyInAnyOrder(
            ChangeEvent.of(METADATA, "/w/existing"), ChangeEvent.of(CONTENT, "/w/sub/inner"));
  }

  @Test
  void folderReplacedByAFileIsDeletedThenCreated() throws Exception {
    writer.delete("/w/sub");
    writer.createFile("/w/sub", HELLO);

    List<ChangeEvent> events = feed.poll(Duration.ofMinutes(1)).events();

    assertThat(events)
        .contains(
            ChangeEvent.of(DELETE, "/w/sub"),
            ChangeEvent.of(DELETE, "/w/sub/inner"),
            ChangeEvent.of(CREATE, "/w/sub"));
    assertThat(events.indexOf(ChangeEvent.of(DELETE, "/w/sub")))
        .isLessThan(events.indexOf(ChangeEvent.of(CREATE, "/w/sub")));
  }

  @Test
  void listingFailingHalfWayIsReportedAsLostEventsByTheNextSuccessfulPoll() throws Exception {
    writer.createFile("/w/new", HELLO);
    faulty.failListingAfter(1, new IOException("disk went away"));

    assertThatThrownBy(() -> feed.poll(Duration.ofMinutes(1))).hasMessage("disk went away");

    ChangeBatch batch = feed.poll(Duration.ofMinutes(1));
    assertThat(batch.eventsLost()).isTrue();
    // The half-listing replaced nothing: the change is found against the last full listing. The
    // folder's own modification time moves only if the kernel's coarse clock ticked since the
    // set-up last changed the folder, so its CONTENT event may or may not be there.
    assertThat(batch.events())
        .contains(ChangeEvent.of(CREATE, "/w/new"))
        .isSubsetOf(ChangeEvent.of(CREATE, "/w/new"), ChangeEvent.of(CONTENT, "/w"));
    ChangeBatch next = feed.poll(Duration.ofSeconds(15));
    assertThat(next.eventsLost()).isFalse();
    assertThat(next.events()).isEmpty();
  }

  @Test
  void resumedFeedReportsLostEventsAtOnce() throws Exception {
    FeedCursor cursor = feed.cursor();
    feed.close();
    feed = newFeed(cursor);
    feed.watch("/w");

    ChangeBatch batch = feed.poll(Duration.ZERO);

    assertThat(batch.eventsLost()).isTrue();
    assertThat(sleeps).isEmpty();
    assertThat(feed.poll(Duration.ZERO).eventsLost()).isFalse();
  }

  @Test
  void deletionOfTheWatchedFolderReportsEverythingInIt() throws Exception {
    writer.delete("/w");

    assertThat(feed.poll(Duration.ofMinutes(1)).events())
        .containsExactlyInAnyOrder(
            ChangeEvent.of(DELETE, "/w"),
            ChangeEvent.of(DELETE, "/w/existing"),
            ChangeEvent.of(DELETE, "/w/sub"),
            ChangeEvent.of(DELETE, "/w/sub/inner"));
  }

  @Test
  void overlappingWatchedFoldersReportEachChangeOnce() throws Exception {
    feed.watch("/w/sub");
    writer.append("/w/sub/inner", HELLO);

    assertThat(feed.poll(Duration.ofMinutes(1)).events())
        .filteredOn(event -> event.path().equals("/w/sub/inner"))
        .containsExactly(ChangeEvent.of(ChangeKind.CONTENT, "/w/sub/inner"));
  }

  @Test
  void watchOfAMissingFolderOrAFileFails() {
    assertThatThrownBy(() -> feed.watch("/missing")).isInstanceOf(FileNotFoundException.class);
    assertThatThrownBy(() -> feed.watch("/w/existing")).isInstanceOf(NotDirectoryException.class);
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
