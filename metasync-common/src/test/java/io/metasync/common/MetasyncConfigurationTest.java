package io.metasync.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetasyncConfigurationTest {
  @TempDir Path folder;

  @Test
  void defaultsAreTheDocumentedOnes() {
    MetasyncConfiguration conf = MetasyncConfiguration.defaults();

    assertThat(conf.get(PropertyKey.MASTER_HOSTNAME)).isEqualTo("localhost");
    assertThat(conf.getInt(PropertyKey.MASTER_RPC_PORT)).isEqualTo(19998);
    assertThat(conf.getInt(PropertyKey.MASTER_WEB_PORT)).isEqualTo(19999);
    assertThat(conf.getSyncInterval(PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL))
        .isEqualTo(SyncInterval.NEVER);
    assertThat(conf.getLoadType(PropertyKey.USER_FILE_METADATA_LOAD_TYPE)).isEqualTo(LoadType.ONCE);
    assertThat(conf.getDuration(PropertyKey.ACTIVESYNC_INTERVAL)).isEqualTo(Duration.ofSeconds(30));
    assertThat(conf.getInt(PropertyKey.ACTIVESYNC_MAX_ACTIVITY)).isEqualTo(10);
    assertThat(conf.getInt(PropertyKey.ACTIVESYNC_MAX_AGE)).isEqualTo(10);
    assertThat(conf.getBoolean(PropertyKey.ACTIVESYNC_INITIAL_SYNC)).isTrue();
    assertThat(conf.isSet(PropertyKey.MASTER_HOSTNAME)).isFalse();
  }

  @Test
  void everyDefaultIsAValidValueOfItsKind() {
    for (PropertyKey key : PropertyKey.values()) {
      MetasyncConfiguration conf = MetasyncConfiguration.of(Map.of(key.key(), key.defaultValue()));

      assertThat(conf.get(key)).as(key.key()).isEqualTo(key.defaultValue());
    }
  }

  @Test
  void overrideReplacesTheDefault() {
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
            Map.of(
                "metasync.master.rpc.port", " 2000 ",
                "metasync.user.file.metadata.load.type", "always",
                "metasync.master.activesync.interval", "5min"));

    assertThat(conf.getInt(PropertyKey.MASTER_RPC_PORT)).isEqualTo(2000);
    assertThat(conf.getLoadType(PropertyKey.USER_FILE_METADATA_LOAD_TYPE))
        .isEqualTo(LoadType.ALWAYS);
    assertThat(conf.getDuration(PropertyKey.ACTIVESYNC_INTERVAL)).isEqualTo(Duration.ofMinutes(5));
    assertThat(conf.isSet(PropertyKey.MASTER_RPC_PORT)).isTrue();
  }

  @Test
  void siteFileOverridesDefaultsAndCommandLineOverridesSiteFile() throws IOException {
    Path site =
        write(
            "metasync-site.properties",
            "metasync.master.hostname=filehost\nmetasync.master.rpc.port=3000\n");

    MetasyncConfiguration conf =
        MetasyncConfiguration.load(site, Map.of("metasync.master.rpc.port", "4000"));

    assertThat(conf.get(PropertyKey.MASTER_HOSTNAME)).isEqualTo("filehost");
    assertThat(conf.getInt(PropertyKey.MASTER_RPC_PORT)).isEqualTo(4000);
    assertThat(conf.getInt(PropertyKey.MASTER_WEB_PORT)).isEqualTo(19999);
  }

  @Test
  void missingSiteFileMeansDefaults() {
    MetasyncConfiguration conf =
        MetasyncConfiguration.load(folder.resolve("absent.properties"), Map.of());

    assertThat(conf.get(PropertyKey.MASTER_HOSTNAME)).isEqualTo("localhost");
  }

  @Test
  void withAppliesOverridesOnTop() {
    MetasyncConfiguration base = MetasyncConfiguration.of(Map.of("metasync.master.rpc.port", "1"));

    MetasyncConfiguration conf = base.with(Map.of("metasync.master.web.port", "2"));

    assertThat(conf.getInt(PropertyKey.MASTER_RPC_PORT)).isEqualTo(1);
    assertThat(conf.getInt(PropertyKey.MASTER_WEB_PORT)).isEqualTo(2);
    assertThat(base.isSet(PropertyKey.MASTER_WEB_PORT)).isFalse();
  }

  @Test
  void unknownKeyIsRefusedNamingIt() {
    assertThatThrownBy(() -> MetasyncConfiguration.of(Map.of("metasync.master.rpc.prot", "1")))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("unknown configuration key metasync.master.rpc.prot")
        .hasMessageContaining("-D");
  }

  @Test
  void unknownKeyInSiteFileIsRefusedNamingKeyAndFile() throws IOException {
    Path site = write("site.properties", "metasync.typo=1\n");

    assertThatThrownBy(() -> MetasyncConfiguration.load(site, Map.of()))
        .isInstanceOf(MetasyncException.class)
        .hasMessageContaining("metasync.typo")
        .hasMessageContaining(site.toString());
  }

  @Test
  void badValueIsRefusedNamingKeyAndValue() {
    assertBadValue("metasync.master.rpc.port", "70000");
    assertBadValue("metasync.master.rpc.port", "http");
    assertBadValue("metasync.master.sync.concurrency", "0");
    assertBadValue("metasync.user.debug", "yes");
    assertBadValue("metasync.master.activesync.interval", "30m");
    assertBadValue("metasync.master.activesync.interval", "9223372036854775807d");
    assertBadValue("metasync.user.file.metadata.sync.interval", "-2");
    assertBadValue("metasync.user.file.metadata.load.type", "SOMETIMES");
  }

  @Test
  void badValueInSiteFileIsRefusedNamingTheFile() throws IOException {
    Path site = write("site.properties", "metasync.master.activesync.maxage=many\n");

    assertThatThrownBy(() -> MetasyncConfiguration.load(site, Map.of()))
        .isInstanceOf(MetasyncException.class)
        .hasMessageContaining("'many'")
        .hasMessageContaining("metasync.master.activesync.maxage")
        .hasMessageContaining(site.toString());
  }

  @Test
  void relativePathIsResolvedAgainstHome() {
    Path home = folder.resolve("install");
    MetasyncConfiguration conf = MetasyncConfiguration.of(Map.of("metasync.home", home.toString()));

    assertThat(conf.getPath(PropertyKey.MASTER_JOURNAL_FOLDER))
        .isEqualTo(home.resolve("data/journal"));
    assertThat(conf.getPath(PropertyKey.MASTER_MOUNT_TABLE_ROOT_UFS))
        .isEqualTo(home.resolve("data/ufs"));
  }

  @Test
  void absolutePathIgnoresHome() {
    Path journal = folder.resolve("elsewhere/journal");
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
            Map.of(
                "metasync.home", folder.resolve("install").toString(),
                "metasync.master.journal.folder", journal.toString()));

    assertThat(conf.getPath(PropertyKey.MASTER_JOURNAL_FOLDER)).isEqualTo(journal);
  }

  @Test
  void pathIsNormalized() {
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
            Map.of(
                "metasync.home",
                folder.resolve("install").toString(),
                "metasync.master.journal.folder",
                "./data/../journal"));

    assertThat(conf.getPath(PropertyKey.MASTER_JOURNAL_FOLDER))
        .isEqualTo(folder.resolve("install/journal"));
  }

  @Test
  void foldersAreAbsoluteCommaSeparatedAndNormalized() {
    String key = "metasync.master.mount.local.allowed.roots";

    assertThat(
            MetasyncConfiguration.of(Map.of(key, " /data/./x , /srv/,"))
                .getFolders(PropertyKey.MASTER_MOUNT_LOCAL_ALLOWED_ROOTS))
        .containsExactly(Path.of("/data/x"), Path.of("/srv"));
    assertThat(
            MetasyncConfiguration.defaults()
                .getFolders(PropertyKey.MASTER_MOUNT_LOCAL_ALLOWED_ROOTS))
        .isEmpty();
    assertBadValue(key, "/data,relative/folder");
  }

  private static void assertBadValue(String key, String value) {
    assertThatThrownBy(() -> MetasyncConfiguration.of(Map.of(key, value)))
        .as("%s=%s", key, value)
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("'" + value + "'")
        .hasMessageContaining(key);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void aBareNumberBelowOneThousandForADurationIsAcceptedWithAWarning() {
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
            Map.of(
                "metasync.user.file.metadata.sync.interval", "30",
                "metasync.master.activesync.interval", " 5 ",
                "metasync.master.activesync.maxage", "30"));

    assertThat(conf.getSyncInterval(PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL).millis())
        .isEqualTo(30);
    assertThat(conf.warnings())
        .containsExactly(
            "metasync.master.activesync.interval=5 means 5 ms; write 5s for seconds",
            "metasync.user.file.metadata.sync.interval=30 means 30 ms; write 30s for seconds");
  }

  @Test
  void durationsWithAUnitSpecialIntervalsAndLargeBareNumbersGiveNoWarning() {
    for (String interval : new String[] {"-1", "0", "30s", "500ms", "1000", "60000"}) {
      assertThat(
              MetasyncConfiguration.of(
                      Map.of("metasync.user.file.metadata.sync.interval", interval))
                  .warnings())
          .as(interval)
          .isEmpty();
    }
    assertThat(MetasyncConfiguration.defaults().warnings()).isEmpty();
  }
}
