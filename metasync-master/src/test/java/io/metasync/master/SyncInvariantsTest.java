package io.metasync.master;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.proto.FileInfo;
import io.metasync.ufs.CountingUnderFileSystem;
import io.metasync.ufs.FaultInjectingUnderFileSystem;
import io.metasync.ufs.UfsOperation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync invariants of ARCHITECTURE.md, proved against a real master over real gRPC and a real
 * local folder, with decorators around the root UFS that count calls, inject faults and hold
 * listings.
 */
class SyncInvariantsTest {
  @TempDir static Path folder;
  private static MasterFixture fixture;
  private static RpcCalls calls;
  private static CountingUnderFileSystem counting;
  private static FaultInjectingUnderFileSystem faults;
  private static GatedListingUnderFileSystem gated;
  private Path ufs;
  private String dir;

  @BeforeAll
  static void startMaster() throws Exception {
    fixture =
        MasterFixture.start(
            folder,
            ufs -> {
              if (counting != null) {
                return ufs;
              }
              gated = new GatedListingUnderFileSystem(ufs);
              faults = new FaultInjectingUnderFileSystem(gated);
              counting = new CountingUnderFileSystem(faults);
              return counting;
            },
            Map.of());
    calls = new RpcCalls(fixture);
  }

  @AfterAll
  static void stopMaster() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void createTestFolder(TestInfo test) throws Exception {
    String name = test.getTestMethod().orElseThrow().getName();
    ufs = Files.createDirectories(fixture.rootFolder().resolve(name));
    for (String file : List.of("a.txt", "b.txt", "c.txt")) {
      Files.writeString(ufs.resolve(file), file);
    }
    dir = "/" + name;
    assertThat(calls.names(dir, NEVER)).containsExactly("a.txt", "b.txt", "c.txt");
    counting.reset();
  }

  @AfterEach
  void heal() {
    faults.heal();
    gated.open();
  }

  @Test
  void cachedListAndStatWithIntervalNeverDoNotTouchTheUfs() {
    for (int i = 0; i < 5; i++) {
      calls.names(dir, NEVER);
      calls.stat(dir + "/b.txt", NEVER);
      calls.stat(dir, NEVER);
    }

    assertThat(counting.total()).isZero();
  }

  @Test
  void statOfAMissingPathWithIntervalNeverAsksTheUfsOnce() throws Exception {
    Path fresh = Files.createDirectories(fixture.rootFolder().resolve("absent-check"));
    calls.stat("/absent-check", NEVER);
    counting.reset();

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> calls.stat("/absent-check/missing", NEVER))
          .hasMessageContaining("NOT_FOUND");
    }

    assertThat(counting.count(UfsOperation.GET_STATUS)).isEqualTo(1);
    assertThat(fresh).exists();
  }

  @Test
  void eightConcurrentListsWithIntervalZeroOfOneFolderCauseOneUfsListing() throws Exception {
    long joinedBefore = fixture.master().namespace().syncs().joinedCount();
    gated.close("/" + dir.substring(1));
    List<CompletableFuture<List<String>>> lists = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      lists.add(CompletableFuture.supplyAsync(() -> calls.names(dir, ALWAYS)));
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> gated.waiting() == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fixture.master().namespace().syncs().joinedCount() - joinedBefore == 7);
    gated.open();

    for (CompletableFuture<List<String>> list : lists) {
      assertThat(list.get(30, TimeUnit.SECONDS)).containsExactly("a.txt", "b.txt", "c.txt");
    }
    assertThat(counting.count(UfsOperation.LIST)).isEqualTo(1);
  }

  @Test
  void aLoadThatJoinsARunningSyncReportsWhatThatSyncListed() throws Exception {
    long joinedBefore = fixture.master().namespace().syncs().joinedCount();
    gated.close("/" + dir.substring(1));
    CompletableFuture<Long> first =
        CompletableFuture.supplyAsync(() -> calls.loadMetadata(dir, false, 0));
    await().atMost(Duration.ofSeconds(30)).until(() -> gated.waiting() == 1);
    CompletableFuture<Long> second =
        CompletableFuture.supplyAsync(() -> calls.loadMetadata(dir, false, 0));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fixture.master().namespace().syncs().joinedCount() - joinedBefore == 1);
    gated.open();

    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(counting.count(UfsOperation.LIST)).isEqualTo(1);
  }

  @Test
  void ufsErrorIsReportedKeepsTheCacheAndMarksThePathForRetry() throws Exception {
    calls.names(dir, ALWAYS);
    faults.failAlways(UfsOperation.LIST, new IOException("disk on fire"));
    Files.delete(ufs.resolve("a.txt"));

    assertThatThrownBy(() -> calls.names(dir, ALWAYS))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
              assertThat(e.getStatus().getDescription()).contains(dir).contains("disk on fire");
            });
    assertThat(calls.names(dir, NEVER)).containsExactly("a.txt", "b.txt", "c.txt");
    assertThat(calls.stat(dir + "/a.txt", NEVER).getLength()).isEqualTo(5);

    faults.heal();
    counting.reset();

    assertThat(calls.names(dir, 3_600_000)).containsExactly("b.txt", "c.txt");
    assertThat(counting.count(UfsOperation.LIST)).isEqualTo(1);
  }

  @Test
  void ufsErrorInTheMiddleOfAListingRemovesNothingFromTheCache() throws Exception {
    Files.delete(ufs.resolve("c.txt"));
    faults.failListingAfter(1, new IOException("connection reset"));

    assertThatThrownBy(() -> calls.names(dir, ALWAYS)).hasMessageContaining("UNAVAILABLE");
    assertThat(calls.names(dir, NEVER)).containsExactly("a.txt", "b.txt", "c.txt");
  }

  @Test
  void ufsErrorOnStatIsUnavailableNeverNotFound() {
    faults.failAlways(UfsOperation.GET_STATUS, new IOException("NameNode in safe mode"));

    assertThatThrownBy(() -> calls.stat(dir + "/b.txt", ALWAYS))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    faults.heal();
    assertThat(calls.stat(dir + "/b.txt", NEVER).getLength()).isEqualTo(5);
  }

  @Test
  void syncsNeverChangeUfsData() throws Exception {
    Files.createDirectories(ufs.resolve("sub/deeper"));
    Files.writeString(ufs.resolve("sub/deeper/d.txt"), "d");
    Files.writeString(ufs.resolve("a.txt"), "changed");
    Map<String, String> before = snapshot(ufs);

    calls.list(dir, true, ALWAYS);
    calls.loadMetadata(dir, true, ALWAYS);
    calls.stat(dir + "/sub/deeper/d.txt", ALWAYS);
    calls.checkConsistency(dir, true);
    calls.readInfo(dir + "/a.txt", ALWAYS, new ByteArrayOutputStream());

    assertThat(snapshot(ufs)).isEqualTo(before);
    for (UfsOperation write :
        List.of(
            UfsOperation.MKDIR,
            UfsOperation.CREATE,
            UfsOperation.DELETE,
            UfsOperation.RENAME,
            UfsOperation.SET_MODE,
            UfsOperation.SET_OWNER)) {
      assertThat(counting.count(write)).as(write.name()).isZero();
    }
  }

  @Test
  void afterASyncWithIntervalZeroTheCachedSubtreeEqualsTheUfs() throws Exception {
    for (int d = 0; d < 5; d++) {
      Path sub = Files.createDirectories(ufs.resolve("d" + d + "/inner"));
      for (int f = 0; f < 20; f++) {
        Files.writeString(sub.resolve("f" + f), "x".repeat(f));
      }
    }
    Files.delete(ufs.resolve("b.txt"));

    calls.loadMetadata(dir, true, ALWAYS);

    Map<String, String> cached = new TreeMap<>();
    for (FileInfo info : calls.list(dir, true, NEVER)) {
      cached.put(
          info.getPath().substring(dir.length()),
          describe(
              info.getType() == io.metasync.proto.FileType.DIRECTORY,
              info.getType() == io.metasync.proto.FileType.DIRECTORY ? 0 : info.getLength(),
              info.getLastModifiedMs()));
    }
    assertThat(cached).isEqualTo(listing(ufs));
  }

  @Test
  void aDeleteThroughMetasyncRacingASyncIsNotUndone() throws Exception {
    gated.close(dir);
    CompletableFuture<List<String>> sync =
        CompletableFuture.supplyAsync(() -> calls.names(dir, ALWAYS));
    await().atMost(Duration.ofSeconds(30)).until(() -> gated.waiting() == 1);

    // The held listing still contains b.txt; the delete must not be undone by it.
    CompletableFuture<Void> delete =
        CompletableFuture.runAsync(() -> calls.delete(dir + "/b.txt", false));
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !delete.isDone());
    gated.open();

    delete.get(30, TimeUnit.SECONDS);
    sync.get(30, TimeUnit.SECONDS);
    assertThat(calls.names(dir, NEVER)).containsExactly("a.txt", "c.txt");
    assertThat(ufs.resolve("b.txt")).doesNotExist();
  }

  @Test
  void aCreateThroughMetasyncRacingASyncIsNotUndone() throws Exception {
    gated.close(dir);
    CompletableFuture<List<String>> sync =
        CompletableFuture.supplyAsync(() -> calls.names(dir, ALWAYS));
    await().atMost(Duration.ofSeconds(30)).until(() -> gated.waiting() == 1);

    CompletableFuture<FileInfo> create =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return calls.write(
                    dir + "/new.txt", "new".getBytes(java.nio.charset.StandardCharsets.UTF_8));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !create.isDone());
    gated.open();

    create.get(30, TimeUnit.SECONDS);
    sync.get(30, TimeUnit.SECONDS);
    assertThat(calls.names(dir, NEVER)).containsExactly("a.txt", "b.txt", "c.txt", "new.txt");
  }

  @Test
  void syncsOfDisjointSubtreesRunInParallelAndUnrelatedCallsDoNotWait() throws Exception {
    Path other = Files.createDirectories(fixture.rootFolder().resolve("disjoint-other"));
    Files.writeString(other.resolve("o.txt"), "o");
    gated.close(dir);
    CompletableFuture<List<String>> held =
        CompletableFuture.supplyAsync(() -> calls.names(dir, ALWAYS));
    await().atMost(Duration.ofSeconds(30)).until(() -> gated.waiting() == 1);

    assertThat(
            CompletableFuture.supplyAsync(() -> calls.names("/disjoint-other", ALWAYS))
                .get(10, TimeUnit.SECONDS))
        .containsExactly("o.txt");
    assertThat(
            CompletableFuture.supplyAsync(() -> calls.stat("/disjoint-other/o.txt", NEVER))
                .get(10, TimeUnit.SECONDS)
                .getLength())
        .isEqualTo(1);
    assertThat(held).isNotDone();

    gated.open();
    assertThat(held.get(30, TimeUnit.SECONDS)).containsExactly("a.txt", "b.txt", "c.txt");
  }

  private static String describe(boolean directory, long length, long mtime) {
    return (directory ? "d " : "f ") + length + " " + mtime;
  }

  private static Map<String, String> listing(Path top) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path path : walk.filter(p -> !p.equals(top)).toList()) {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
        entries.put(
            "/" + top.relativize(path),
            describe(
                attributes.isDirectory(),
                attributes.isDirectory() ? 0 : attributes.size(),
                attributes.lastModifiedTime().toMillis()));
      }
    }
    return entries;
  }

  private static Map<String, String> snapshot(Path top) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path path : walk.toList()) {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
        String content = attributes.isDirectory() ? "" : Files.readString(path);
        entries.put(
            top.relativize(path).toString(),
            attributes.size()
                + " "
                + attributes.lastModifiedTime().toMillis()
                + " "
                + attributes.permissions()
                + " "
                + content);
      }
    }
    return entries;
  }
}
