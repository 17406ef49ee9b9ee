package io.metasync.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.master.journal.RatisJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restart over snapshots and log tails, with each inode store: what was cached before is cached
 * after, without asking the UFS (whose files are deleted behind the master's back meanwhile).
 */
class MetastoreRestartTest {
  @TempDir Path folder;

  private MasterFixture start(String metastore) throws IOException {
    return MasterFixture.start(
        folder,
        UnaryOperator.identity(),
        Map.of(
            "metasync.master.metastore",
            metastore,
            // a snapshot every few entries, so a restart loads one and replays a tail
            "metasync.master.journal.checkpoint.period.entries",
            "7",
            "metasync.master.metastore.inode.cache.size",
            "10"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ROCKS", "HEAP"})
  void restartRestoresEveryCachedInodeFromTheSnapshotAndTheLogTail(String metastore)
      throws Exception {
    List<String> names;
    try (MasterFixture master = start(metastore)) {
      RpcCalls calls = new RpcCalls(master);
      calls.mkdir("/dir", false);
      for (int i = 0; i < 30; i++) {
        calls.write("/dir/f" + i, new byte[] {(byte) i});
      }
      Files.writeString(master.rootFolder().resolve("dir").resolve("from-ufs"), "x");
      calls.loadMetadata("/dir", true, RpcCalls.ALWAYS);
      names = calls.names("/dir", RpcCalls.NEVER);
      assertThat(names).hasSize(31).contains("from-ufs");
      deleteChildren(master.rootFolder().resolve("dir"));
    }

    try (MasterFixture master = start(metastore)) {
      RpcCalls calls = new RpcCalls(master);
      assertThat(calls.names("/dir", RpcCalls.NEVER)).isEqualTo(names);
      assertThat(calls.stat("/dir/f29", RpcCalls.NEVER).getLength()).isEqualTo(1);
      assertThat(master.master().namespace().inodeCount()).isEqualTo(33);
      calls.mkdir("/after", false);
    }

    // The other store type over the same journal reads what this one snapshotted.
    String other = metastore.equals("ROCKS") ? "HEAP" : "ROCKS";
    try (MasterFixture master = start(other)) {
      RpcCalls calls = new RpcCalls(master);
      assertThat(calls.names("/dir", RpcCalls.NEVER)).isEqualTo(names);
      assertThat(calls.names("/", RpcCalls.NEVER)).containsExactly("after", "dir");
    }
    assertThat(snapshotFolders()).as("checkpoint folders kept").hasSizeLessThanOrEqualTo(3);
  }

  private static void deleteChildren(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }

  private List<Path> snapshotFolders() throws IOException {
    try (Stream<Path> all =
        Files.walk(folder.resolve("journal").resolve(RatisJournal.RAFT_FOLDER))) {
      return all.filter(
              path -> path.getFileName().toString().matches("snapshot\\.\\d+_\\d+\\.files"))
          .toList();
    }
  }
}
