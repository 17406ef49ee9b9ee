package io.metasync.master.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.metasync.common.LoadType;
import io.metasync.common.NamespacePath;
import io.metasync.common.SyncInterval;
import io.metasync.master.MasterFixture;
import io.metasync.master.MasterProcess;
import io.metasync.master.sync.ReadOptions;
import io.metasync.proto.AddJournalPeerRequest;
import io.metasync.proto.CallContext;
import io.metasync.proto.CreateDirectoryRequest;
import io.metasync.proto.GetMasterInfoRequest;
import io.metasync.proto.MetasyncJournalAdminGrpc;
import io.metasync.proto.MetasyncMasterInfoGrpc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master added to a group whose leader has purged the start of its log receives the leader's
 * snapshot (its RocksDB checkpoint) while it is staged, then follows the log: real Ratis, real
 * gRPC, a small log so that a few hundred entries purge it.
 */
class JoinFromSnapshotTest {
  private static final CallContext CACHED = CallContext.newBuilder().setSyncIntervalMs(-1).build();
  private static final int WRITTEN = 150;

  @TempDir Path folder;

  @Test
  void aMasterAddedAfterTheLogWasPurgedInstallsTheLeadersSnapshot() throws Exception {
    Map<String, String> smallLog =
        Map.of(
            "metasync.master.journal.checkpoint.period.entries", "20",
            "metasync.master.journal.log.retained.entries", "5",
            "metasync.master.journal.log.segment.bytes", "1024");
    try (MasterGroup group = new MasterGroup(folder, smallLog).startAll()) {
      int leader = group.awaitLeader();
      for (int i = 0; i < WRITTEN; i++) {
        group
            .stub(leader)
            .createDirectory(
                CreateDirectoryRequest.newBuilder()
                    .setContext(CACHED)
                    .setPath("/purged-" + i)
                    .build());
      }
      // once the leader's log lacks the first entries, only its snapshot can bring them to the
      // new master
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !holdsTheFirstEntry(folder.resolve("journal-" + leader)));

      int rpcPort = MasterGroup.freePort();
      int journalPort = MasterGroup.freePort();
      try (MasterProcess joiner =
              MasterProcess.start(group.joinerConf("journal-joiner", rpcPort, journalPort));
          Closing channel = new Closing(MasterFixture.channelAs(rpcPort, "any"))) {
        MetasyncJournalAdminGrpc.newBlockingStub(group.channel(leader))
            .withDeadlineAfter(2, TimeUnit.MINUTES)
            .addJournalPeer(
                AddJournalPeerRequest.newBuilder().setAddress("localhost:" + journalPort).build());

        long leaderApplied = group.info(leader).getAppliedIndex();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    MetasyncMasterInfoGrpc.newBlockingStub(channel.channel())
                            .getMasterInfo(GetMasterInfoRequest.getDefaultInstance())
                            .getAppliedIndex()
                        >= leaderApplied);
        ReadOptions storeOnly = new ReadOptions(SyncInterval.NEVER, LoadType.NEVER);
        for (int i = 0; i < WRITTEN; i++) {
          assertThat(
                  joiner
                      .namespace()
                      .reads()
                      .getStatus(NamespacePath.parse("/purged-" + i), storeOnly))
              .isNotNull();
        }
      }
    }
  }

  /** Whether a master's Ratis log still has its first segment (the one from index 0). */
  private static boolean holdsTheFirstEntry(Path journal) throws IOException {
    try (Stream<Path> groups = Files.list(journal.resolve("raft"))) {
      Path current = groups.filter(Files::isDirectory).findFirst().orElseThrow().resolve("current");
      if (!Files.isDirectory(current)) {
        return false;
      }
      try (Stream<Path> files = Files.list(current)) {
        List<String> names = files.map(path -> path.getFileName().toString()).toList();
        return names.stream()
            .anyMatch(name -> name.startsWith("log_0-") || name.equals("log_inprogress_0"));
      }
    }
  }

  /** A channel closed with the test's resources. */
  private record Closing(ManagedChannel channel) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
