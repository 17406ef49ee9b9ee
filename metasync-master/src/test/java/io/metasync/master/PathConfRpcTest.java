package io.metasync.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.proto.EffectiveSetting;
import io.metasync.proto.GetEffectivePathConfRequest;
import io.metasync.proto.ListPathConfRequest;
import io.metasync.proto.PathConfEntry;
import io.metasync.proto.PathConfigurationGrpc;
import io.metasync.proto.PathConfigurationGrpc.PathConfigurationBlockingStub;
import io.metasync.proto.SetPathConfRequest;
import io.metasync.proto.SettingSource;
import io.metasync.proto.UnsetPathConfRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PathConfiguration service of a real master over gRPC: only an administrator (the master's
 * user here) may set or unset, anyone may list and ask what is in effect.
 */
class PathConfRpcTest {
  private static final String INTERVAL = "metasync.user.file.metadata.sync.interval";

  @TempDir static Path folder;
  private static MasterFixture master;
  private static PathConfigurationBlockingStub admin;
  private static PathConfigurationBlockingStub other;

  @BeforeAll
  static void startMaster() throws Exception {
    master = MasterFixture.start(folder, UnaryOperator.identity(), Map.of());
    admin = PathConfigurationGrpc.newBlockingStub(master.channel());
    other = PathConfigurationGrpc.newBlockingStub(master.channel("nobody"));
  }

  @AfterAll
  static void stopMaster() throws Exception {
    master.close();
  }

  @Test
  void aNonAdministratorMayNotSetOrUnsetButMayList() {
    assertThatThrownBy(() -> other.setPathConf(set("/a", INTERVAL, "0")))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
              assertThat(e.getStatus().getDescription())
                  .contains("user nobody may not set the path configuration of /a");
            });
    admin.setPathConf(set("/a", INTERVAL, "0"));
    assertThatThrownBy(
            () ->
                other.unsetPathConf(
                    UnsetPathConfRequest.newBuilder().setPath("/a").addKeys(INTERVAL).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    assertThat(
            other
                .listPathConf(ListPathConfRequest.newBuilder().setPath("/a").build())
                .getEntriesList())
        .extracting(PathConfEntry::getPath)
        .containsExactly("/a");
    admin.unsetPathConf(UnsetPathConfRequest.newBuilder().setPath("/a").addKeys(INTERVAL).build());
  }

  @Test
  void anAdministratorSetsListsAndUnsetsAndStatSaysWhereTheIntervalCameFrom() {
    admin.setPathConf(set("/data", INTERVAL, "30s"));
    admin.setPathConf(set("/data/hot", INTERVAL, "0"));

    assertThat(
            admin
                .listPathConf(ListPathConfRequest.newBuilder().setPath("/data").build())
                .getEntriesList())
        .containsExactly(entry("/data", "30s"), entry("/data/hot", "0"));
    EffectiveSetting interval = effective("/data/hot/file").getSettings(0);
    assertThat(interval.getKey()).isEqualTo(INTERVAL);
    assertThat(interval.getValue()).isEqualTo("0ms");
    assertThat(interval.getSource()).isEqualTo(SettingSource.SETTING_SOURCE_PATH_CONF);
    assertThat(interval.getSourcePath()).isEqualTo("/data/hot");

    admin.unsetPathConf(
        UnsetPathConfRequest.newBuilder().setPath("/data/hot").addKeys(INTERVAL).build());
    assertThat(effective("/data/hot/file").getSettings(0).getSourcePath()).isEqualTo("/data");
    admin.unsetPathConf(
        UnsetPathConfRequest.newBuilder().setPath("/data").addKeys(INTERVAL).build());
    assertThat(effective("/data/hot/file").getSettings(0).getSource())
        .isEqualTo(SettingSource.SETTING_SOURCE_MASTER_DEFAULT);
  }

  @Test
  void anUnknownKeyIsRefusedWithTheKeysAPathMaySet() {
    assertThatThrownBy(() -> admin.setPathConf(set("/a", "metasync.master.rpc.port", "1")))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription())
                  .isEqualTo(
                      "'metasync.master.rpc.port' cannot be set on a path; the keys a path may"
                          + " set are metasync.user.file.metadata.sync.interval,"
                          + " metasync.user.file.metadata.load.type");
            });
  }

  private static io.metasync.proto.GetEffectivePathConfResponse effective(String path) {
    return admin.getEffectivePathConf(
        GetEffectivePathConfRequest.newBuilder().setPath(path).build());
  }

  private static SetPathConfRequest set(String path, String key, String value) {
    return SetPathConfRequest.newBuilder().setPath(path).putProperties(key, value).build();
  }

  private static PathConfEntry entry(String path, String interval) {
    return PathConfEntry.newBuilder().setPath(path).putProperties(INTERVAL, interval).build();
  }
}
