package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code lastSynced} survives {@code kill -9} of a master (no snapshot: the log is replayed), with
 * each inode store: {@code fs stat} prints the time it printed before, and an {@code fs ls} whose
 * interval that time satisfies answers from the cache without syncing.
 */
class LastSyncedKillTest {
  private static final String SYNC_NOW = "-Dmetasync.user.file.metadata.sync.interval=0";
  private static final String WITHIN_AN_HOUR = "-Dmetasync.user.file.metadata.sync.interval=1h";

  @TempDir Path home;

  private ShellRunner shell(MasterJvm master) {
    return new ShellRunner(home, "-Dmetasync.master.rpc.port=" + master.rpcPort());
  }

  private static ShellRunner.Result succeed(ShellRunner shell, String... args) {
    ShellRunner.Result result = shell.run(args);
    assertThat(result.exitCode()).as("%s", result).isZero();
    return result;
  }

  private static String lastSyncedLine(ShellRunner shell, String path) {
    return succeed(shell, "fs", "stat", path).outLines().stream()
        .filter(line -> line.startsWith("lastSynced: "))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ROCKS", "HEAP"})
  void lastSyncedSurvivesKillNineAndACallWithinTheIntervalDoesNotSync(String store)
      throws Exception {
    Path dir = Files.createDirectories(home.resolve("data").resolve("ufs").resolve("dir"));
    Files.writeString(dir.resolve("a.txt"), "a");
    String metastore = "-Dmetasync.master.metastore=" + store;
    String before;
    MasterJvm master = MasterJvm.start(home, metastore);
    try {
      ShellRunner shell = shell(master);
      assertThat(succeed(shell, "fs", "ls", SYNC_NOW, "/dir").outLines()).hasSize(1);
      before = lastSyncedLine(shell, "/dir/a.txt");
      assertThat(before).isNotEqualTo("lastSynced: unknown");
      assertThat(lastSyncedLine(shell, "/dir")).isEqualTo(before);
    } finally {
      master.kill();
    }
    Files.writeString(dir.resolve("behind-its-back.txt"), "b");

    MasterJvm restarted = MasterJvm.start(home, metastore);
    try {
      ShellRunner shell = shell(restarted);
      assertThat(lastSyncedLine(shell, "/dir/a.txt")).isEqualTo(before);
      assertThat(lastSyncedLine(shell, "/dir")).isEqualTo(before);
      List<String> listed = succeed(shell, "fs", "ls", WITHIN_AN_HOUR, "/dir").outLines();
      assertThat(listed).hasSize(1).allSatisfy(line -> assertThat(line).endsWith(" /dir/a.txt"));
      assertThat(restarted.metric("metasync_syncs_started_total")).isZero();
    } finally {
      restarted.stop();
    }
  }
}
