package io.metasync.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.ErrorCode;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.common.SyncInterval;
import io.metasync.master.file.PathStatus;
import io.metasync.master.inode.HeapInodeStore;
import io.metasync.master.mount.MountOptions;
import io.metasync.master.mount.MountPoint;
import io.metasync.master.mount.MountTable;
import io.metasync.master.pathconf.PathConfRecords;
import io.metasync.master.pathconf.ReadOptionsResolver;
import io.metasync.master.pathconf.SettingOrigin;
import io.metasync.master.state.NamespaceState;
import io.metasync.master.sync.ReadOptions;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path configuration on the engine (in-memory journal, heap store): the deepest configured path
 * decides a call's sync interval unless the call sets its own, and the configuration survives a
 * replay of the journal and a snapshot.
 */
class EnginePathConfTest {
  private static final String INTERVAL = "metasync.user.file.metadata.sync.interval";
  private static final String LOAD_TYPE = "metasync.user.file.metadata.load.type";
  private static final NamespacePath HOT = NamespacePath.parse("/hot");
  private static final NamespacePath COLD = NamespacePath.parse("/cold");
  private static final NamespacePath FROZEN = NamespacePath.parse("/hot/frozen");
  private static final ReadOptions MASTER_DEFAULTS =
      new ReadOptions(SyncInterval.NEVER, LoadType.ONCE);

  @TempDir Path ufs;
  private EngineFixture engine;
  private ReadOptionsResolver resolver;

  @BeforeEach
  void start() throws IOException {
    for (String folder : List.of("hot", "cold", "hot/frozen")) {
      Files.createDirectories(ufs.resolve(folder));
      Files.writeString(ufs.resolve(folder).resolve("first"), "1");
    }
    engine = new EngineFixture(ufs);
    resolver = new ReadOptionsResolver(MASTER_DEFAULTS, engine.namespace().pathConf().records());
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void aPathsIntervalAppliesBelowItAndOtherPathsKeepTheMasterDefault() throws IOException {
    engine.namespace().pathConf().set(HOT, Map.of(INTERVAL, "0"));
    assertThat(names(HOT)).contains("first");
    assertThat(names(COLD)).containsExactly("first");

    Files.writeString(ufs.resolve("hot/second"), "2");
    Files.writeString(ufs.resolve("cold/second"), "2");

    assertThat(names(HOT)).as("interval 0 from /hot").contains("first", "second");
    assertThat(names(COLD)).as("master default -1").containsExactly("first");
    assertThat(resolver.resolve(HOT, Optional.empty(), Optional.empty()).intervalOrigin())
        .isEqualTo(SettingOrigin.pathConf(HOT));
    assertThat(resolver.resolve(COLD, Optional.empty(), Optional.empty()).intervalOrigin())
        .isEqualTo(SettingOrigin.MASTER_DEFAULT);
  }

  @Test
  void theDeepestConfiguredPathWinsAndTheCallsOwnSettingWinsOverAll() throws IOException {
    engine.namespace().pathConf().set(HOT, Map.of(INTERVAL, "0"));
    assertThat(names(HOT)).contains("first", "frozen");
    assertThat(names(FROZEN)).containsExactly("first");
    engine.namespace().pathConf().set(FROZEN, Map.of(INTERVAL, "-1", LOAD_TYPE, "NEVER"));
    Files.writeString(ufs.resolve("hot/frozen/second"), "2");
    Files.writeString(ufs.resolve("hot/second"), "2");

    assertThat(names(FROZEN)).as("-1 from /hot/frozen").containsExactly("first");
    ReadOptionsResolver.Effective frozen =
        resolver.resolve(FROZEN.child("first"), Optional.empty(), Optional.empty());
    assertThat(frozen.options()).isEqualTo(new ReadOptions(SyncInterval.NEVER, LoadType.NEVER));
    assertThat(frozen.intervalOrigin().toString()).isEqualTo("path configuration at /hot/frozen");

    ReadOptionsResolver.Effective called =
        resolver.resolve(HOT, Optional.of(SyncInterval.NEVER), Optional.empty());
    assertThat(called.intervalOrigin()).isEqualTo(SettingOrigin.CALL);
    assertThat(names(HOT, called.options())).as("the call's -1").doesNotContain("second");
    assertThat(
            names(
                FROZEN,
                resolver
                    .resolve(FROZEN, Optional.of(SyncInterval.ALWAYS), Optional.empty())
                    .options()))
        .as("the call's 0")
        .containsExactly("first", "second");
  }

  @Test
  void unsetKeysAndBadKeysOrValuesAreRefusedWithTheAllowedKeys() {
    engine.namespace().pathConf().set(HOT, Map.of(INTERVAL, "5min", LOAD_TYPE, "always"));
    engine.namespace().pathConf().unset(HOT, List.of(LOAD_TYPE));
    assertThat(engine.namespace().pathConf().list(NamespacePath.ROOT))
        .isEqualTo(Map.of(HOT, Map.of(INTERVAL, "5min")));

    assertThatThrownBy(() -> engine.namespace().pathConf().set(HOT, Map.of("metasync.x", "1")))
        .isInstanceOf(MetasyncException.class)
        .hasMessage(
            "'metasync.x' cannot be set on a path; the keys a path may set are "
                + INTERVAL
                + ", "
                + LOAD_TYPE);
    assertThatThrownBy(() -> engine.namespace().pathConf().set(HOT, Map.of(INTERVAL, "soon")))
        .hasMessageStartingWith("bad value 'soon' for " + INTERVAL + " on /hot: expected");
    assertThatThrownBy(() -> engine.namespace().pathConf().unset(COLD, List.of(INTERVAL)))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void pathConfigurationSurvivesAReplayAndASnapshot() throws IOException {
    engine.namespace().pathConf().set(HOT, Map.of(INTERVAL, "0"));
    engine.namespace().pathConf().set(FROZEN, Map.of(INTERVAL, "-1", LOAD_TYPE, "NEVER"));
    engine.namespace().pathConf().unset(FROZEN, List.of(LOAD_TYPE));

    try (UnderFileSystem rootUfs = new UnderFileSystemLoader().open(ufs.toUri(), Map.of())) {
      NamespaceState replayed = freshState(rootUfs);
      engine.journal().replayInto(replayed);
      assertConfigured(replayed.pathConf());

      ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
      replayed.writeSnapshot(snapshot);
      NamespaceState restored = freshState(rootUfs);
      restored.loadSnapshot(new ByteArrayInputStream(snapshot.toByteArray()));
      assertConfigured(restored.pathConf());
    }
  }

  private static void assertConfigured(PathConfRecords records) {
    assertThat(records.atOrBelow(NamespacePath.ROOT))
        .isEqualTo(Map.of(HOT, Map.of(INTERVAL, "0"), FROZEN, Map.of(INTERVAL, "-1")));
    assertThat(records.deepest(FROZEN.child("x"), INTERVAL))
        .contains(new PathConfRecords.Match(FROZEN, "-1"));
  }

  private NamespaceState freshState(UnderFileSystem rootUfs) {
    MountTable mounts =
        new MountTable(
            new MountPoint(NamespacePath.ROOT, ufs.toUri(), MountOptions.DEFAULT, rootUfs));
    return new NamespaceState(new HeapInodeStore(), mounts, new UnderFileSystemLoader()::open);
  }

  /** The folder's names, as a call that sets nothing itself would see them. */
  private List<String> names(NamespacePath folder) {
    return names(folder, resolver.resolve(folder, Optional.empty(), Optional.empty()).options());
  }

  private List<String> names(NamespacePath folder, ReadOptions options) {
    List<String> names = new ArrayList<>();
    Iterator<List<PathStatus>> pages =
        engine.namespace().reads().listStatus(folder, false, options);
    pages.forEachRemaining(page -> page.forEach(status -> names.add(status.path().name())));
    return names;
  }
}
