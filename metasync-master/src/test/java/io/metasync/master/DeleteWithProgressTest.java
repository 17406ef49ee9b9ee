package io.metasync.master;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.proto.DeletePhase;
import io.metasync.proto.DeleteProgress;
import io.metasync.proto.DeleteRequest;
import io.metasync.ufs.FaultInjectingUnderFileSystem;
import io.metasync.ufs.UfsOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DeleteWithProgress} over a real local folder: the counts of both phases as they grow, the
 * same result as {@code Delete}, and the same errors.
 */
class DeleteWithProgressTest {
  @TempDir static Path folder;
  private static MasterFixture fixture;
  private static RpcCalls calls;
  private static PausingDeleteUnderFileSystem pausing;
  private static FaultInjectingUnderFileSystem faults;

  @BeforeAll
  static void startMaster() throws IOException {
    fixture =
        MasterFixture.start(
            folder,
            ufs -> {
              faults = new FaultInjectingUnderFileSystem(ufs);
              pausing = new PausingDeleteUnderFileSystem(faults);
              return pausing;
            },
            Map.of());
    calls = new RpcCalls(fixture);
  }

  @AfterAll
  static void stopMaster() throws InterruptedException {
    fixture.close();
  }

  @AfterEach
  void heal() {
    pausing.release();
    pausing.counting(true);
    faults.heal();
  }

  /**
   * 3,500 files in /name, a third of them in three folders; returns the entries, /name included.
   */
  private static long tree(String name) throws IOException {
    Path top = Files.createDirectories(fixture.rootFolder().resolve(name));
    for (int d = 0; d < 3; d++) {
      Path sub = Files.createDirectories(top.resolve("d" + d));
      for (int f = 0; f < 1000; f++) {
        Files.createFile(sub.resolve("f" + f));
      }
    }
    for (int f = 0; f < 500; f++) {
      Files.createFile(top.resolve("f" + f));
    }
    // the root's children may be loaded already: ask the UFS
    calls.loadMetadata("/" + name, true, ALWAYS);
    return 3_500 + 3 + 1;
  }

  private static Iterator<DeleteProgress> deleteWithProgress(String path) {
    return fixture
        .stub()
        .withDeadlineAfter(60, TimeUnit.SECONDS)
        .deleteWithProgress(
            DeleteRequest.newBuilder()
                .setContext(RpcCalls.context(NEVER))
                .setPath(path)
                .setRecursive(true)
                .build());
  }

  @Test
  void countsGrowThroughTheUfsPhaseThenTheCachePhaseToEveryEntry() throws IOException {
    long entries = tree("big");
    long inodesBefore = fixture.master().namespace().inodeCount();
    pausing.pauseAfter(1_000);
    List<DeleteProgress> reports = new ArrayList<>();

    deleteWithProgress("/big")
        .forEachRemaining(
            report -> {
              reports.add(report);
              if (report.getUfsEntries() >= 1_000) {
                pausing.release();
              }
            });

    DeleteProgress last = reports.get(reports.size() - 1);
    assertThat(last.getDone()).isTrue();
    assertThat(last.getPhase()).isEqualTo(DeletePhase.DELETE_PHASE_CACHE);
    assertThat(last.getUfsEntries()).isEqualTo(entries);
    assertThat(last.getCacheEntries()).isEqualTo(entries);
    assertThat(reports.subList(0, reports.size() - 1))
        .isNotEmpty()
        .noneMatch(DeleteProgress::getDone)
        // seen midway: held at 1,000 entries deleted in the UFS, none removed from the cache yet
        .anyMatch(
            report ->
                report.getPhase() == DeletePhase.DELETE_PHASE_UFS
                    && report.getUfsEntries() >= 1_000
                    && report.getUfsEntries() < entries
                    && report.getCacheEntries() == 0);
    for (int i = 1; i < reports.size(); i++) {
      DeleteProgress before = reports.get(i - 1);
      DeleteProgress after = reports.get(i);
      assertThat(after.getUfsEntries()).isGreaterThanOrEqualTo(before.getUfsEntries());
      assertThat(after.getCacheEntries()).isGreaterThanOrEqualTo(before.getCacheEntries());
      assertThat(after.getElapsedMs()).isGreaterThanOrEqualTo(before.getElapsedMs());
      assertThat(after.getPhaseValue()).isGreaterThanOrEqualTo(before.getPhaseValue());
    }
    assertThat(reports).allMatch(report -> report.getPhaseElapsedMs() <= report.getElapsedMs());
    assertThat(fixture.rootFolder().resolve("big")).doesNotExist();
    assertThat(fixture.master().namespace().inodeCount()).isEqualTo(inodesBefore - entries);
    assertThat(calls.names("/", NEVER)).doesNotContain("big");
  }

  @Test
  void aUfsThatDoesNotCountReportsOnlyTheCacheCountAndTheTime() throws IOException {
    long entries = tree("uncounted");
    pausing.counting(false);
    List<DeleteProgress> reports = new ArrayList<>();

    deleteWithProgress("/uncounted").forEachRemaining(reports::add);

    assertThat(reports).allMatch(report -> report.getUfsEntries() == 0);
    DeleteProgress last = reports.get(reports.size() - 1);
    assertThat(last.getDone()).isTrue();
    assertThat(last.getCacheEntries()).isEqualTo(entries);
    assertThat(fixture.rootFolder().resolve("uncounted")).doesNotExist();
  }

  @Test
  void aMissingPathFailsWithDeletesStatus() {
    Status unary = statusOf(() -> calls.delete("/missing", true));
    Status streamed = statusOf(() -> deleteWithProgress("/missing").forEachRemaining(r -> {}));

    assertThat(streamed.getCode()).isEqualTo(Status.Code.NOT_FOUND).isEqualTo(unary.getCode());
    assertThat(streamed.getDescription())
        .isEqualTo(unary.getDescription())
        .isEqualTo("/missing does not exist");
  }

  @Test
  void aUfsErrorFailsWithDeletesStatusAndKeepsTheCache() throws IOException {
    long entries = tree("failing");
    IOException error = new IOException("disk on fire");
    faults.failNext(UfsOperation.DELETE, error);
    faults.failNext(UfsOperation.DELETE, error);

    Status unary = statusOf(() -> calls.delete("/failing", true));
    Status streamed = statusOf(() -> deleteWithProgress("/failing").forEachRemaining(r -> {}));

    assertThat(streamed.getCode()).isEqualTo(Status.Code.UNAVAILABLE).isEqualTo(unary.getCode());
    assertThat(streamed.getDescription())
        .isEqualTo(unary.getDescription())
        .contains("/failing", "disk on fire");
    assertThat(fixture.rootFolder().resolve("failing")).isDirectory();
    assertThat(calls.list("/failing", true, NEVER)).hasSize((int) entries - 1);
  }

  private static Status statusOf(Runnable call) {
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(
            () -> {
              try {
                call.run();
              } catch (StatusRuntimeException e) {
                thrown[0] = e;
                throw e;
              }
            })
        .isInstanceOf(StatusRuntimeException.class);
    return ((StatusRuntimeException) thrown[0]).getStatus();
  }
}
