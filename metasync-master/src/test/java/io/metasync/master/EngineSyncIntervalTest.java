package io.metasync.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.LoadType;
import io.metasync.common.NamespacePath;
import io.metasync.common.SyncInterval;
import io.metasync.master.file.PathStatus;
import io.metasync.master.inode.HeapInodeStore;
import io.metasync.master.inode.Inode;
import io.metasync.master.mount.MountOptions;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountTable;
import io.metasync.master.state.NamespaceState;
import io.metasync.master.sync.ReadOptions;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync interval against a manual clock, on the engine alone (in-memory journal, heap store): a
 * listing is taken from the UFS again only once it is older than the interval the call allows.
 */
class EngineSyncIntervalTest {
  private static final NamespacePath DATA = NamespacePath.parse("/data");
  private static final ReadOptions ONE_MINUTE =
      new ReadOptions(SyncInterval.parse("1min"), LoadType.ONCE);
  private static final ReadOptions NEVER = new ReadOptions(SyncInterval.NEVER, LoadType.ONCE);

  @TempDir Path ufs;
  private EngineFixture engine;

  @BeforeEach
  void start() throws IOException {
    Files.createDirectories(ufs.resolve("data"));
    Files.writeString(ufs.resolve("data/first"), "1");
    engine = new EngineFixture(ufs);
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void aListingIsReadAgainOnlyOnceOlderThanTheInterval() throws IOException {
    assertThat(names(ONE_MINUTE)).containsExactly("first");
    Files.writeString(ufs.resolve("data/second"), "2");

    engine.clock().advance(Duration.ofSeconds(59));
    assertThat(names(ONE_MINUTE)).as("synced 59 s ago").containsExactly("first");

    engine.clock().advance(Duration.ofSeconds(2));
    assertThat(names(ONE_MINUTE)).as("synced 61 s ago").containsExactly("first", "second");
  }

  @Test
  void intervalMinusOneNeverAsksTheUfsAgainAndZeroAlwaysDoes() throws IOException {
    assertThat(names(NEVER)).containsExactly("first");
    Files.writeString(ufs.resolve("data/second"), "2");
    engine.clock().advance(Duration.ofDays(365));

    assertThat(names(NEVER)).containsExactly("first");
    assertThat(names(new ReadOptions(SyncInterval.ALWAYS, LoadType.ONCE)))
        .containsExactly("first", "second");
  }

  @Test
  void theSyncIsJournaledSoAReplayHoldsWhatTheListingLoaded() throws IOException {
    names(ONE_MINUTE);
    assertThat(engine.namespace().inodeCount()).as("/, /data, /data/first").isEqualTo(3);

    try (HeapInodeStore replayed = new HeapInodeStore();
        UnderFileSystem rootUfs = new UnderFileSystemLoader().open(ufs.toUri(), Map.of())) {
      MountTable mounts =
          new MountTable(
              new MountPoint(NamespacePath.ROOT, ufs.toUri(), MountOptions.DEFAULT, rootUfs));
      engine
          .journal()
          .replayInto(new NamespaceState(replayed, mounts, new UnderFileSystemLoader()::open));

      assertThat(replayed.size()).isEqualTo(3);
      Inode data = replayed.getChild(Inode.ROOT_ID, "data").orElseThrow();
      assertThat(data.childrenLoaded()).isTrue();
      assertThat(replayed.listChildren(data.id(), "", 10))
          .extracting(Inode::name)
          .containsExactly("first");
    }
  }

  private List<String> names(ReadOptions options) {
    List<String> names = new ArrayList<>();
    Iterator<List<PathStatus>> pages = engine.namespace().reads().listStatus(DATA, false, options);
    pages.forEachRemaining(page -> page.forEach(status -> names.add(status.path().name())));
    return names;
  }
}
