package io.metasync.master;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.proto.FileInfo;
import io.metasync.proto.SetAttributeRequest;
import io.metasync.ufs.CountingUnderFileSystem;
import io.metasync.ufs.UfsOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write through metasync makes one UFS call: the new entry's status comes from the operation's
 * own answer and its folder's time is derived, not read back. Counted through a {@link
 * CountingUnderFileSystem} around the root UFS of a real master over a real local folder; after an
 * interval-0 sync the cache equals the UFS (invariant 4).
 */
class OneUfsCallPerWriteTest {
  /** A user of every Linux host, other than the master's. */
  private static final String OTHER = "nobody";

  @TempDir static Path folder;
  private static MasterFixture fixture;
  private static RpcCalls calls;
  private static CountingUnderFileSystem counting;
  private String dir;
  private Path ufs;

  @BeforeAll
  static void startMaster() throws Exception {
    fixture =
        MasterFixture.start(
            folder,
            ufs -> {
              if (counting == null) {
                counting = new CountingUnderFileSystem(ufs);
              }
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
    dir = "/" + name;
    ufs = Files.createDirectories(fixture.rootFolder().resolve(name));
    Files.writeString(ufs.resolve("existing.txt"), "existing");
    Files.createDirectories(ufs.resolve("sub"));
    // loaded once, as any folder written in has been by the time it is written in
    assertThat(calls.names(dir, NEVER)).containsExactly("existing.txt", "sub");
    assertThat(calls.names(dir + "/sub", NEVER)).isEmpty();
    counting.reset();
  }

  @Test
  void mkdirMakesOneUfsCallAndAnswersWithTheUfsStatus() throws Exception {
    FileInfo made = calls.mkdir(dir + "/made", false);

    assertThat(counting.count(UfsOperation.MKDIR)).isEqualTo(1);
    assertThat(counting.total()).isEqualTo(1);
    PosixFileAttributes onDisk =
        Files.readAttributes(ufs.resolve("made"), PosixFileAttributes.class);
    assertThat(made.getLastModifiedMs()).isEqualTo(onDisk.lastModifiedTime().toMillis());
    assertThat(made.getOwner()).isEqualTo(onDisk.owner().getName());
    assertThat(made.getGroup()).isEqualTo(onDisk.group().getName());
    assertThat(PosixFilePermissions.toString(onDisk.permissions())).isEqualTo("rwxr-xr-x");
    assertThat(made.getMode()).isEqualTo(0755);
    assertCacheEqualsUfsAfterAnIntervalZeroSync();
  }

  @Test
  void createFileMakesOneUfsCallAndAnswersWithTheWrittenLength() throws Exception {
    FileInfo written = calls.write(dir + "/data.bin", new byte[70_000]);
    FileInfo empty = calls.write(dir + "/sub/empty.txt", new byte[0]);

    assertThat(counting.count(UfsOperation.CREATE)).isEqualTo(2);
    assertThat(counting.total()).isEqualTo(2);
    assertThat(written.getLength()).isEqualTo(70_000);
    assertThat(written.getLastModifiedMs())
        .isEqualTo(Files.getLastModifiedTime(ufs.resolve("data.bin")).toMillis());
    assertThat(empty.getLength()).isZero();
    assertCacheEqualsUfsAfterAnIntervalZeroSync();
  }

  @Test
  void renameDeleteAndSetAttributesMakeOneUfsCallEach() throws Exception {
    FileInfo moved = calls.rename(dir + "/existing.txt", dir + "/sub/moved.txt");
    assertThat(counting.total()).isEqualTo(1);
    assertThat(moved.getLength()).isEqualTo(8);

    FileInfo changed =
        fixture
            .stub()
            .withDeadlineAfter(60, TimeUnit.SECONDS)
            .setAttribute(
                SetAttributeRequest.newBuilder()
                    .setContext(RpcCalls.context(NEVER))
                    .setPath(dir + "/sub/moved.txt")
                    .setMode(0600)
                    .build());
    assertThat(counting.total()).isEqualTo(2);
    assertThat(changed.getMode()).isEqualTo(0600);

    calls.delete(dir + "/sub/moved.txt", false);
    assertThat(counting.total()).isEqualTo(3);
    assertThat(counting.count(UfsOperation.RENAME)).isEqualTo(1);
    assertThat(counting.count(UfsOperation.SET_MODE)).isEqualTo(1);
    assertThat(counting.count(UfsOperation.DELETE)).isEqualTo(1);
    assertCacheEqualsUfsAfterAnIntervalZeroSync();
  }

  @Test
  void aCreatorOtherThanTheMastersUserIsGivenTheEntryInOneCallWithoutReadingItBack()
      throws Exception {
    Files.setPosixFilePermissions(ufs, PosixFilePermissions.fromString("rwxrwxrwx"));
    calls.stat(dir, ALWAYS);
    counting.reset();

    new RpcCalls(fixture, OTHER).mkdir(dir + "/theirs", false);

    // One chown, whether the host lets the master give entries away (as root) or not, and no
    // re-read: the cache says what the chown did.
    assertThat(counting.count(UfsOperation.MKDIR)).isEqualTo(1);
    assertThat(counting.count(UfsOperation.SET_OWNER)).isEqualTo(1);
    assertThat(counting.count(UfsOperation.GET_STATUS)).isZero();
    assertThat(counting.total()).isEqualTo(2);
    assertThat(calls.stat(dir + "/theirs", NEVER).getOwner())
        .isEqualTo(Files.getOwner(ufs.resolve("theirs")).getName());
    assertCacheEqualsUfsAfterAnIntervalZeroSync();
  }

  private void assertCacheEqualsUfsAfterAnIntervalZeroSync() {
    calls.loadMetadata(dir, true, ALWAYS);
    assertThat(calls.checkConsistency(dir, true)).isEmpty();
  }
}
