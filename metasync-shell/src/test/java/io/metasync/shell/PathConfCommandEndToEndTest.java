package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fs pathConf} through {@link Main#run} against a real master (the shell runs as the
 * master's user, an administrator): a path's sync interval makes a plain {@code ls} see changes
 * there while other paths stay cached, and {@code stat} says where the interval came from.
 */
class PathConfCommandEndToEndTest {
  private static final String INTERVAL = "metasync.user.file.metadata.sync.interval";

  @TempDir static Path folder;
  private static RunningMaster master;

  @BeforeAll
  static void startMaster() {
    master = RunningMaster.start(folder);
  }

  @AfterAll
  static void stopMaster() {
    master.close();
  }

  @Test
  void aHotPathSeesChangesWhileAColdOneStaysCached() throws IOException {
    Files.createDirectories(master.ufsPath("/hot"));
    Files.createDirectories(master.ufsPath("/cold"));
    master.succeed("fs", "pathConf", "set", "/hot", INTERVAL + "=0");
    assertThat(master.succeed("fs", "ls", "/hot").outLines()).isEmpty();
    assertThat(master.succeed("fs", "ls", "/cold").outLines()).isEmpty();

    Files.writeString(master.ufsPath("/hot/new"), "1");
    Files.writeString(master.ufsPath("/cold/new"), "1");

    assertThat(master.succeed("fs", "ls", "/hot").outLines())
        .singleElement()
        .asString()
        .endsWith("  /hot/new");
    assertThat(master.succeed("fs", "ls", "/cold").outLines()).isEmpty();
    assertThat(master.succeed("fs", "stat", "/hot/new").outLines())
        .contains(
            "syncInterval: 0ms (path configuration at /hot)", "loadType: ONCE (master default)");
    assertThat(master.succeed("fs", "stat", "/cold").outLines())
        .contains("syncInterval: -1 (master default)");
    assertThat(master.succeed("-D" + INTERVAL + "=-1", "fs", "stat", "/hot").outLines())
        .contains("syncInterval: -1 (call)");
  }

  @Test
  void listShowsOneLinePerKeyAndUnsetRemovesIt() {
    master.succeed(
        "fs",
        "pathConf",
        "set",
        "/listed/a",
        INTERVAL + "=30s",
        "metasync.user.file.metadata.load.type=ALWAYS");
    master.succeed("fs", "pathConf", "set", "/listed", INTERVAL + "=5min");

    assertThat(master.succeed("fs", "pathConf", "list", "/listed").outLines())
        .containsExactly(
            "/listed " + INTERVAL + "=5min",
            "/listed/a metasync.user.file.metadata.load.type=ALWAYS",
            "/listed/a " + INTERVAL + "=30s");

    master.succeed("fs", "pathConf", "unset", "/listed/a", INTERVAL);
    assertThat(master.succeed("fs", "pathConf", "list", "/listed").outLines())
        .containsExactly(
            "/listed " + INTERVAL + "=5min",
            "/listed/a metasync.user.file.metadata.load.type=ALWAYS");
  }

  @Test
  void aKeyAPathMayNotSetIsOneErrorLineListingTheAllowedKeys() {
    assertThat(master.fail("fs", "pathConf", "set", "/x", "metasync.master.rpc.port=1"))
        .isEqualTo(
            "Error: 'metasync.master.rpc.port' cannot be set on a path; the keys a path may set"
                + " are metasync.user.file.metadata.sync.interval,"
                + " metasync.user.file.metadata.load.type");
    assertThat(master.fail("fs", "pathConf", "set", "/x", INTERVAL + "=soon"))
        .startsWith("Error: bad value 'soon' for " + INTERVAL + " on /x: expected");
    assertThat(master.fail("fs", "pathConf", "unset", "/x", INTERVAL))
        .isEqualTo(
            "Error: /x does not set " + INTERVAL + "; see fs pathConf list for what is set where");
  }
}
