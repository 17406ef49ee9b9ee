package io.metasync.master.activesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.NamespacePath;
import io.metasync.master.mount.MountOptions;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountTable;
import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeedRouterTest {
  private static final NamespacePath ROOT = NamespacePath.ROOT;
  private static final NamespacePath EXT = NamespacePath.parse("/ext");
  private static final Duration INTERVAL = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final FeedOnlyUnderFileSystem rootUfs = new FeedOnlyUnderFileSystem("file:///root");
  private final MountTable mounts = new MountTable(mount(ROOT, rootUfs));
  private final RecordingJournal journal = new RecordingJournal();
  private final SyncPointRegistry registry = new SyncPointRegistry();
  private final FeedRouter router =
      new FeedRouter(
          registry, mounts, new ActiveSyncJournal(journal, journal.records()), clock, INTERVAL);

  private static MountPoint mount(NamespacePath path, FeedOnlyUnderFileSystem ufs) {
    return new MountPoint(path, ufs.rootUri(), MountOptions.DEFAULT, ufs);
  }

  /** A new sync point at {@code path}, as startSync makes it. */
  private SyncPoint follow(String path) {
    NamespacePath namespacePath = NamespacePath.parse(path);
    MountPoint mount = mounts.resolve(namespacePath).mount();
    SyncPoint point = new SyncPoint(namespacePath, mount.path(), 100);
    router.watchNew(point, mount);
    registry.add(point);
    return point;
  }

  /** A journaled sync point, as a restart resumes it. */
  private SyncPoint resume(String path) {
    SyncPoint point = new SyncPoint(NamespacePath.parse(path), ROOT, 100);
    registry.add(point);
    router.resume(point, mounts.get(ROOT).orElseThrow());
    return point;
  }

  private static NamespacePath[] paths(String... paths) {
    return Arrays.stream(paths).map(NamespacePath::parse).toArray(NamespacePath[]::new);
  }

  @Test
  void eachEventGoesToTheSyncPointItFallsInAndEventsOutsideEveryOneAreDropped() {
    ScriptedChangeFeed feed = new ScriptedChangeFeed();
    rootUfs.thenFeed(feed);
    SyncPoint a = follow("/a");
    SyncPoint b = follow("/b");
    feed.thenEvents(
        ChangeEvent.of(ChangeKind.CREATE, "/a/x"),
        ChangeEvent.of(ChangeKind.CONTENT, "/c/y"),
        ChangeEvent.rename("/a/old", "/b/new"));

    router.readFeeds();

    assertThat(feed.watched()).containsExactlyInAnyOrder("/a", "/b");
    assertThat(rootUfs.opensFrom())
        .as("one feed shared, opened from now")
        .containsExactly((FeedCursor) null);
    assertThat(a.pending().paths()).containsExactlyInAnyOrder(paths("/a/x", "/a/old"));
    assertThat(b.pending().paths()).containsExactly(paths("/b/new"));
  }

  @Test
  void lostEventsMeanAWholeSyncOfEverySyncPointOnTheMount() {
    ScriptedChangeFeed feed = new ScriptedChangeFeed();
    rootUfs.thenFeed(feed);
    SyncPoint a = follow("/a");
    SyncPoint b = follow("/b");
    feed.thenEventsLost();

    router.readFeeds();

    assertThat(a.pending().wholeSubtree()).isTrue();
    assertThat(b.pending().wholeSubtree()).isTrue();
  }

  @Test
  void aFailingFeedShowsOnItsSyncPointsIsReadAgainAfterABackOffAndThenSyncsThemWhole() {
    ScriptedChangeFeed feed = new ScriptedChangeFeed();
    rootUfs.thenFeed(feed);
    SyncPoint a = follow("/a");
    feed.thenFailure("the NameNode is down");

    router.readFeeds();
    router.readFeeds();

    assertThat(feed.polls()).as("the second read waits for the back-off").isEqualTo(1);
    assertThat(a.status().state()).isEqualTo(SyncPointState.FEED_FAILING);
    assertThat(a.status().trouble().cause()).contains("the NameNode is down");
    assertThat(a.status().trouble().failures()).isEqualTo(1);
    assertThat(a.status().trouble().sinceMs()).isEqualTo(clock.millis());

    clock.advance(FeedFollower.FIRST_RETRY);
    router.readFeeds();

    assertThat(feed.polls()).isEqualTo(2);
    assertThat(a.status().state()).isEqualTo(SyncPointState.IDLE);
    assertThat(a.pending().wholeSubtree()).as("what the feed missed is unknown").isTrue();
  }

  @Test
  void aFeedThatCannotBeOpenedAfterARestartIsReopenedFromTheJournaledCursorAtTheNextInterval() {
    journal.journaledBefore(NamespacePath.parse("/a"), ROOT, "41");
    rootUfs.failOpens("the NameNode is down");

    SyncPoint a = resume("/a");

    assertThat(a.status().state()).isEqualTo(SyncPointState.FEED_FAILING);
    assertThat(a.status().trouble().cause()).contains("the NameNode is down");
    assertThat(router.follower(ROOT)).isNull();
    assertThat(a.pending().wholeSubtree()).isTrue();

    ScriptedChangeFeed feed = new ScriptedChangeFeed();
    rootUfs.thenFeed(feed);
    router.repairFeeds();

    assertThat(rootUfs.opensFrom()).containsExactly(new FeedCursor("41"));
    assertThat(feed.watched()).containsExactly("/a");
    assertThat(a.status().state()).isEqualTo(SyncPointState.IDLE);
    assertThat(a.pending().wholeSubtree()).isTrue();
  }

  @Test
  void withoutAJournaledCursorAResumedSyncPointSyncsWhole() {
    rootUfs.thenFeed(new ScriptedChangeFeed());

    SyncPoint a = resume("/a");

    assertThat(rootUfs.opensFrom()).containsExactly((FeedCursor) null);
    assertThat(a.status().state()).isEqualTo(SyncPointState.IDLE);
    assertThat(a.pending().wholeSubtree()).isTrue();
  }

  @Test
  void aFolderTheFeedCannotWatchAfterARestartStaysFailingUntilAnIntervalWatchesIt() {
    ScriptedChangeFeed feed = new ScriptedChangeFeed();
    rootUfs.thenFeed(feed);
    feed.refuseWatching("/a");
    SyncPoint a = resume("/a");

    router.readFeeds();
    assertThat(a.status().state())
        .as("the feed answers, but does not watch /a")
        .isEqualTo(SyncPointState.FEED_FAILING);

    feed.allowWatching("/a");
    router.repairFeeds();

    assertThat(feed.watched()).containsExactly("/a");
    assertThat(a.status().state()).isEqualTo(SyncPointState.IDLE);
  }

  @Test
  void aFolderTheFeedCannotWatchIsRefusedAndAFeedNobodyUsesIsClosed() {
    ScriptedChangeFeed feed = new ScriptedChangeFeed();
    rootUfs.thenFeed(feed);
    feed.refuseWatching("/a");
    SyncPoint a = new SyncPoint(NamespacePath.parse("/a"), ROOT, 100);

    assertThatThrownBy(() -> router.watchNew(a, mounts.get(ROOT).orElseThrow()))
        .hasMessageContaining("cannot start sync on /a")
        .hasMessageContaining("/a is gone");
    assertThat(feed.closed()).isTrue();
    assertThat(router.follower(ROOT)).isNull();
  }

  @Test
  void theLastSyncPointToStopClosesItsMountsFeed() {
    ScriptedChangeFeed feed = new ScriptedChangeFeed();
    rootUfs.thenFeed(feed);
    SyncPoint a = follow("/a");
    SyncPoint b = follow("/b");

    registry.remove(a.path());
    router.stopFollowing(a);
    assertThat(feed.watched()).containsExactly("/b");
    assertThat(feed.closed()).isFalse();

    registry.remove(b.path());
    router.stopFollowing(b);
    assertThat(feed.watched()).isEmpty();
    assertThat(feed.closed()).isTrue();
    assertThat(router.follower(ROOT)).isNull();
  }

  @Test
  void anUnmountClosesTheMountsFeedWithoutAskingItToUnwatchAndLeavesOtherMountsAlone() {
    ScriptedChangeFeed rootFeed = new ScriptedChangeFeed();
    rootUfs.thenFeed(rootFeed);
    ScriptedChangeFeed extFeed = new ScriptedChangeFeed();
    mounts.register(mount(EXT, new FeedOnlyUnderFileSystem("file:///ext").thenFeed(extFeed)));
    follow("/a");
    follow("/ext/x");

    router.mountRemoved(EXT, registry.removeOnMount(EXT));
    router.readFeeds();

    assertThat(extFeed.closed()).isTrue();
    assertThat(extFeed.watched()).as("its UFS is going away").containsExactly("/x");
    assertThat(extFeed.polls()).isZero();
    assertThat(router.follower(EXT)).isNull();
    assertThat(rootFeed.closed()).isFalse();
    assertThat(rootFeed.polls()).isEqualTo(1);
  }
}
