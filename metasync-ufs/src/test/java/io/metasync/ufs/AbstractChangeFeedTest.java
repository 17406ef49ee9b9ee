package io.metasync.ufs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ChangeFeed}, run against every feed by a subclass that says how to open a
 * UFS, how to change it behind metasync's back, and how to open its feed. Each test starts with a
 * fresh UFS holding {@code /w} (watched, with a file {@code /w/existing} and a folder {@code
 * /w/sub} holding {@code /w/sub/inner}), {@code /v} (not watched until a test says so) and {@code
 * /outside} (never watched). Every expected event must arrive within {@link #eventDeadline()};
 * nothing sleeps.
 *
 * <p>Feeds differ in how they represent some changes; a subclass declares its own with {@link
 * #modeChangeKind()} and {@link #reportsRenames()}.
 */
public abstract class AbstractChangeFeedTest {
  protected static final byte[] HELLO = "hello, change feed".getBytes(UTF_8);

  private UnderFileSystem ufs;
  private ExternalUfsWriter writer;
  private ChangeFeed feed;
  private ChangeRecorder recorder;

  /** A UFS rooted at an empty folder that no other test uses; closed after the test. */
  protected abstract UnderFileSystem newUnderFileSystem() throws IOException;

  /** Changes the folder that the last {@link #newUnderFileSystem()} is rooted at. */
  protected abstract ExternalUfsWriter externalWriter() throws IOException;

  /** Opens the feed under test on {@code ufs}, resuming after {@code resumeFrom} when not null. */
  protected abstract ChangeFeed openFeed(UnderFileSystem ufs, FeedCursor resumeFrom)
      throws IOException;

  /**
   * What this feed reports for a mode change: METADATA, or CONTENT if it cannot tell them apart.
   */
  protected abstract ChangeKind modeChangeKind();

  /** Whether a rename is one RENAME event; otherwise DELETE of the source and CREATE of the new. */
  protected boolean reportsRenames() {
    return false;
  }

  /** Whether events name only watched folders; a feed of the whole namespace (HDFS) says false. */
  protected boolean reportsOnlyWatchedFolders() {
    return true;
  }

  /** How long an expected event may take to arrive. */
  protected Duration eventDeadline() {
    return Duration.ofSeconds(10);
  }

  protected final UnderFileSystem ufs() {
    return ufs;
  }

  protected final ExternalUfsWriter writer() {
    return writer;
  }

  protected final ChangeFeed feed() {
    return feed;
  }

  protected final ChangeRecorder recorder() {
    return recorder;
  }

  @BeforeEach
  final void openFeedOnWatchedFolder() throws IOException {
    ufs = newUnderFileSystem();
    writer = externalWriter();
    writer.createFolder("/w");
    writer.createFile("/w/existing", HELLO);
    writer.createFolder("/w/sub");
    writer.createFile("/w/sub/inner", HELLO);
    writer.createFolder("/v");
    writer.createFolder("/outside");
    feed = openFeed(ufs, null);
    recorder = new ChangeRecorder(feed, eventDeadline());
    feed.watch("/w");
  }

  @AfterEach
  final void closeFeed() throws IOException {
    if (feed != null) {
      feed.close();
    }
    if (ufs != null) {
      ufs.close();
    }
  }

  @Test
  void createdFileIsReported() throws IOException {
    writer.createFile("/w/f", HELLO);

    recorder.awaitEvent(ChangeKind.CREATE, "/w/f");
  }

  @Test
  void folderCreatedWithFilesIsReportedWithEverythingInIt() throws IOException {
    writer.createFolder("/w/d");
    writer.createFile("/w/d/a", HELLO);
    writer.createFolder("/w/d/e");
    writer.createFile("/w/d/e/b", HELLO);

    for (String path : List.of("/w/d", "/w/d/a", "/w/d/e", "/w/d/e/b")) {
      recorder.awaitEvent(ChangeKind.CREATE, path);
    }
  }

  @Test
  void deletedFileIsReported() throws IOException {
    writer.delete("/w/existing");

    recorder.awaitEvent(ChangeKind.DELETE, "/w/existing");
  }

  @Test
  void deletedFolderIsReported() throws IOException {
    writer.delete("/w/sub");

    recorder.awaitEvent(ChangeKind.DELETE, "/w/sub");
  }

  @Test
  void renamedFileIsReportedAsTheFeedDeclares() throws IOException {
    writer.rename("/w/existing", "/w/renamed");

    awaitArrival("/w/existing", "/w/renamed", List.of());
    if (!reportsRenames()) {
      recorder.awaitEvent(ChangeKind.DELETE, "/w/existing");
    }
  }

  @Test
  void appendedBytesAreAContentChange() throws IOException {
    writer.append("/w/existing", HELLO);

    recorder.awaitEvent(ChangeKind.CONTENT, "/w/existing");
  }

  @Test
  void modeChangeIsReportedAsTheFeedDeclares() throws IOException {
    writer.setMode("/w/existing", 0600);

    recorder.awaitEvent(modeChangeKind(), "/w/existing");
  }

  @Test
  void modeChangeInANestedFolderIsReported() throws IOException {
    writer.setMode("/w/sub/inner", 0600);

    recorder.awaitEvent(modeChangeKind(), "/w/sub/inner");
  }

  @Test
  void foldersCreatedAfterWatchAreFollowed() throws IOException {
    writer.createFolder("/w/n");
    recorder.awaitEvent(ChangeKind.CREATE, "/w/n");
    writer.createFolder("/w/n/m");
    recorder.awaitEvent(ChangeKind.CREATE, "/w/n/m");

    writer.createFile("/w/n/m/f", HELLO);
    recorder.awaitEvent(ChangeKind.CREATE, "/w/n/m/f");
    writer.append("/w/n/m/f", HELLO);
    recorder.awaitEvent(ChangeKind.CONTENT, "/w/n/m/f");
  }

  @Test
  void folderMovedInWithFilesIsReportedWithWhatItHoldsAndFollowed() throws IOException {
    writer.createFolder("/outside/d");
    writer.createFile("/outside/d/a", HELLO);
    writer.createFolder("/outside/d/e");
    writer.createFile("/outside/d/e/b", HELLO);

    writer.rename("/outside/d", "/w/d");
    awaitArrival("/outside/d", "/w/d", List.of("/w/d/a", "/w/d/e", "/w/d/e/b"));

    writer.createFile("/w/d/e/later", HELLO);
    recorder.awaitEvent(ChangeKind.CREATE, "/w/d/e/later");
  }

  @Test
  void renamedFolderIsFollowedUnderItsNewName() throws IOException {
    writer.rename("/w/sub", "/w/moved");
    awaitArrival("/w/sub", "/w/moved", List.of("/w/moved/inner"));

    writer.append("/w/moved/inner", HELLO);
    recorder.awaitEvent(ChangeKind.CONTENT, "/w/moved/inner");
  }

  @Test
  void changesOutsideTheWatchedFolderDoNotHideLaterChangesInside() throws IOException {
    writer.createFile("/outside/x", HELLO);
    writer.createFile("/w/after", HELLO);

    recorder.awaitEvent(ChangeKind.CREATE, "/w/after");
    if (reportsOnlyWatchedFolders()) {
      assertThat(recorder.hasEventUnder("/outside")).as("%s", recorder).isFalse();
    }
  }

  @Test
  void unwatchStopsReportingThatFolderButNotOthers() throws IOException {
    feed.watch("/v");
    feed.unwatch("/w");

    writer.createFile("/w/unseen", HELLO);
    writer.createFile("/v/marker", HELLO);

    recorder.awaitEvent(ChangeKind.CREATE, "/v/marker");
    if (reportsOnlyWatchedFolders()) {
      assertThat(recorder.hasEventUnder("/w")).as("%s", recorder).isFalse();
    }
  }

  @Test
  void resumedFeedReportsLostEventsOrTheChangesItMissed() throws IOException {
    writer.createFile("/w/seen", HELLO);
    recorder.awaitEvent(ChangeKind.CREATE, "/w/seen");
    FeedCursor cursor = feed.cursor();
    feed.close();

    writer.createFile("/w/missed", HELLO);
    feed = openFeed(ufs, cursor);
    recorder = new ChangeRecorder(feed, eventDeadline());
    feed.watch("/w");

    recorder.awaitUntil(
        "lost events or CREATE /w/missed",
        seen -> seen.eventsLost() || seen.contains(ChangeEvent.of(ChangeKind.CREATE, "/w/missed")));
  }

  @Test
  void quietFeedReportsNothingAndLosesNothing() throws IOException, InterruptedException {
    assertThat(feed.cursor()).isNotNull();

    ChangeBatch batch = recorder.pollOnce(Duration.ofMillis(200));

    assertThat(batch.events()).isEmpty();
    assertThat(batch.eventsLost()).isFalse();
    assertThat(batch.cursor()).isNotNull();
  }

  @Test
  void feedNeverChangesTheUfs() throws IOException, InterruptedException {
    Map<String, UfsStatus> before = UfsTreeSnapshot.of(ufs);

    feed.watch("/v");
    recorder.pollOnce(Duration.ofMillis(100));
    feed.unwatch("/v");
    recorder.pollOnce(Duration.ofMillis(100));
    feed.close();

    assertThat(UfsTreeSnapshot.of(ufs)).isEqualTo(before);
  }

  /**
   * Waits until the feed reported that {@code source} arrived at {@code destination}: one RENAME
   * event where the feed {@link #reportsRenames() reports renames}, else CREATE of the destination
   * and of each of {@code inside} (what a moved folder holds).
   */
  protected final void awaitArrival(String source, String destination, List<String> inside) {
    if (reportsRenames()) {
      ChangeEvent rename = ChangeEvent.rename(source, destination);
      recorder.awaitUntil(rename.toString(), seen -> seen.contains(rename));
      return;
    }
    recorder.awaitEvent(ChangeKind.CREATE, destination);
    for (String path : inside) {
      recorder.awaitEvent(ChangeKind.CREATE, path);
    }
  }
}
