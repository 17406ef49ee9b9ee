package io.metasync.master;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.proto.FileInfo;
import io.metasync.proto.FileType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * On-demand sync through a real master and real gRPC, with files changed behind the master's back.
 */
class OnDemandSyncTest {
  @TempDir static Path folder;
  private static MasterFixture fixture;
  private static RpcCalls calls;
  private Path ufs;
  private String dir;

  @BeforeAll
  static void startMaster() throws Exception {
    fixture = MasterFixture.start(folder);
    calls = new RpcCalls(fixture);
  }

  @AfterAll
  static void stopMaster() throws Exception {
    fixture.close();
  }

  /**
   * Each test works in its own folder, created in the UFS and loaded before the test changes it.
   */
  @org.junit.jupiter.api.BeforeEach
  void createTestFolder(TestInfo test) throws Exception {
    String name = test.getTestMethod().orElseThrow().getName();
    ufs = Files.createDirectories(fixture.rootFolder().resolve(name));
    Files.writeString(ufs.resolve("existing.txt"), "hello");
    dir = "/" + name;
    assertThat(calls.names(dir, NEVER)).containsExactly("existing.txt");
  }

  @Test
  void listWithDefaultIntervalHidesFileCreatedInUfs() throws Exception {
    Files.writeString(ufs.resolve("new.txt"), "new");

    assertThat(calls.names(dir, NEVER)).containsExactly("existing.txt");
  }

  @Test
  void listWithIntervalZeroShowsFileCreatedInUfs() throws Exception {
    Files.writeString(ufs.resolve("new.txt"), "new");

    assertThat(calls.names(dir, ALWAYS)).containsExactly("existing.txt", "new.txt");
    assertThat(calls.names(dir, NEVER)).containsExactly("existing.txt", "new.txt");
  }

  @Test
  void listWithLongIntervalTrustsARecentSync() throws Exception {
    calls.names(dir, ALWAYS);
    Files.writeString(ufs.resolve("new.txt"), "new");

    assertThat(calls.names(dir, 3_600_000)).containsExactly("existing.txt");
  }

  @Test
  void listWithLoadTypeOnceHidesChildAddedToALoadedFolder() throws Exception {
    Files.writeString(ufs.resolve("late.txt"), "late");

    assertThatThrownBy(() -> calls.stat(dir + "/late.txt", NEVER))
        .hasMessageContaining("NOT_FOUND");
  }

  @Test
  void listWithIntervalZeroDropsFileDeletedInUfs() throws Exception {
    Files.delete(ufs.resolve("existing.txt"));

    assertThat(calls.names(dir, NEVER)).containsExactly("existing.txt");
    assertThat(calls.names(dir, ALWAYS)).isEmpty();
  }

  @Test
  void statWithIntervalZeroSeesContentAndModeChanges() throws Exception {
    Files.writeString(ufs.resolve("existing.txt"), "hello, longer");
    Files.setPosixFilePermissions(
        ufs.resolve("existing.txt"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

    assertThat(calls.stat(dir + "/existing.txt", NEVER).getLength()).isEqualTo(5);
    FileInfo fresh = calls.stat(dir + "/existing.txt", ALWAYS);
    assertThat(fresh.getLength()).isEqualTo(13);
    assertThat(fresh.getMode()).isEqualTo(0600);
    assertThat(fresh.getLastSyncedMs()).isPositive();
  }

  @Test
  void statLoadsAPathNeverSeenBefore() throws Exception {
    Path fresh = Files.createDirectories(fixture.rootFolder().resolve("never-seen/a/b"));
    Files.writeString(fresh.resolve("deep.txt"), "deep");

    FileInfo info = calls.stat("/never-seen/a/b/deep.txt", NEVER);

    assertThat(info.getType()).isEqualTo(FileType.FILE);
    assertThat(info.getLength()).isEqualTo(4);
    assertThat(info.getUfsUri()).endsWith("/a/b/deep.txt");
  }

  @Test
  void folderReplacedByFileInUfsIsSeenAsFile() throws Exception {
    Files.createDirectories(ufs.resolve("shape/inner"));
    assertThat(calls.list(dir + "/shape", true, ALWAYS)).hasSize(1);
    deleteTree(ufs.resolve("shape"));
    Files.writeString(ufs.resolve("shape"), "now a file");

    assertThat(calls.stat(dir + "/shape", ALWAYS).getType()).isEqualTo(FileType.FILE);
    assertThat(calls.names(dir, NEVER)).containsExactly("existing.txt", "shape");
  }

  @Test
  void recursiveListWithIntervalZeroSyncsTheSubtree() throws Exception {
    Files.createDirectories(ufs.resolve("x/y"));
    Files.writeString(ufs.resolve("x/y/z.txt"), "z");

    assertThat(calls.list(dir, true, ALWAYS))
        .extracting(FileInfo::getPath)
        .containsExactly(dir + "/existing.txt", dir + "/x", dir + "/x/y", dir + "/x/y/z.txt");
  }

  @Test
  void readServesBytesOfAFileChangedBehindTheMastersBackWithTheNewLength() throws Exception {
    Files.writeString(ufs.resolve("existing.txt"), "changed behind the back");
    Files.setLastModifiedTime(
        ufs.resolve("existing.txt"), FileTime.from(Instant.now().plusSeconds(5)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    FileInfo info = calls.readInfo(dir + "/existing.txt", NEVER, bytes);

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("changed behind the back");
    assertThat(info.getLength()).isEqualTo(bytes.size());
    assertThat(calls.stat(dir + "/existing.txt", NEVER).getLength()).isEqualTo(bytes.size());
  }

  @Test
  void missingPathIsNotFound() {
    assertThatThrownBy(() -> calls.stat(dir + "/nope", ALWAYS))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getStatus().getDescription()).isEqualTo(dir + "/nope does not exist");
            });
  }

  @Test
  void statOfANameMissingFromACachedListingSaysSoAndHowToAskTheUfs() throws Exception {
    Files.writeString(ufs.resolve("new.txt"), "new");
    String hint =
        " does not exist (the cached listing of "
            + dir
            + " has no new.txt; pass -Dmetasync.user.file.metadata.sync.interval=0 to ask the UFS)";

    assertNotFound(() -> calls.stat(dir + "/new.txt", NEVER), dir + "/new.txt" + hint);
    assertNotFound(() -> calls.list(dir + "/new.txt/x", false, NEVER), dir + "/new.txt/x" + hint);
    assertThat(calls.stat(dir + "/new.txt", ALWAYS).getLength()).isEqualTo(3);
  }

  @Test
  void checkConsistencyWritesTimesInUtcWithMilliseconds() throws Exception {
    Files.setLastModifiedTime(
        ufs.resolve("existing.txt"), FileTime.from(Instant.parse("2030-01-02T03:04:05Z")));

    assertThat(calls.checkConsistency(dir, false))
        .singleElement()
        .asString()
        .matches(
            dir
                + "/existing.txt: modified \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z in metasync,"
                + " 2030-01-02T03:04:05.000Z in the UFS");
  }

  private static void assertNotFound(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String description) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getStatus().getDescription()).isEqualTo(description);
            });
  }

  @Test
  void checkConsistencyReportsDifferencesUntilASyncRepairsThem() throws Exception {
    Files.writeString(ufs.resolve("only-in-ufs.txt"), "x");
    Files.writeString(ufs.resolve("existing.txt"), "hello!");

    assertThat(calls.checkConsistency(dir, true))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(dir + "/only-in-ufs.txt: exists in the UFS but not in metasync"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(dir + "/existing.txt: length 5 in metasync, 6 in the UFS"));

    calls.loadMetadata(dir, true, ALWAYS);

    assertThat(calls.checkConsistency(dir, true)).isEmpty();
  }

  static void deleteTree(Path path) throws Exception {
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
