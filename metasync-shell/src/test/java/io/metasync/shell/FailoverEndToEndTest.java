package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.master.ha.MasterGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client against a real three-master group (issue 16): while several threads write, the
 * leader stops; the writers carry on with the new leader without an error reaching them, and every
 * acknowledged write is on the new leader, once.
 */
class FailoverEndToEndTest {
  private static final int WRITERS = 4;

  @TempDir Path folder;

  @Test
  void writersCarryOnThroughAFailOverAndNoAcknowledgedWriteIsLost() throws Exception {
    try (MasterGroup group = new MasterGroup(folder).startAll()) {
      int leader = group.awaitLeader();
      String addresses =
          String.join(",", group.rpcAddress(0), group.rpcAddress(1), group.rpcAddress(2));
      Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
      Queue<String> errors = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong written = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      try (MetasyncClient client =
          MetasyncClient.connect(
              MetasyncConfiguration.of(
                  Map.of(
                      "metasync.master.rpc.addresses",
                      addresses,
                      "metasync.user.file.metadata.sync.interval",
                      "-1")))) {
        client.createDirectory("/w", false);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          writers.add(
              pool.submit(
                  () -> {
                    for (long n = 0; !stop.get(); n++) {
                      String path = "/w/" + writer + "-" + n;
                      try {
                        client.createDirectory(path, false);
                        acknowledged.add(path);
                        written.incrementAndGet();
                      } catch (RuntimeException e) {
                        errors.add(path + ": " + e.getMessage());
                      }
                    }
                  }));
        }
        awaitWrites(written, 50);
        group.stop(leader);
        int next = group.awaitLeader();
        long afterFailOver = written.get();
        awaitWrites(written, afterFailOver + 50);
        stop.set(true);
        for (Future<?> writer : writers) {
          writer.get(1, TimeUnit.MINUTES);
        }
        assertThat(next).isNotEqualTo(leader);
        assertThat(errors).isEmpty();
        Set<String> present = new HashSet<>();
        client.listStatus("/w", false).forEachRemaining(status -> present.add(status.path()));
        assertThat(present).containsAll(acknowledged);
        FileStatus folderStatus = client.getStatus("/w");
        assertThat(folderStatus.path()).isEqualTo("/w");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static void awaitWrites(AtomicLong written, long atLeast) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> written.get() >= atLeast);
  }
}
