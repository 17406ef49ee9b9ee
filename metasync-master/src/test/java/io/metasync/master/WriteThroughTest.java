package io.metasync.master;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.metasync.proto.FileInfo;
import io.metasync.proto.FileType;
import io.metasync.proto.SetAttributeRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes through metasync reach the UFS and the cache in one step, so no sync is ever needed after
 * them.
 */
class WriteThroughTest {
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

  @BeforeEach
  void createTestFolder(TestInfo test) {
    String name = test.getTestMethod().orElseThrow().getName();
    dir = "/" + name;
    calls.mkdir(dir, false);
    ufs = fixture.rootFolder().resolve(name);
  }

  @Test
  void writesReachTheUfsAndLeaveTheCacheEqualToItUpToFolderTimes() throws Exception {
    calls.mkdir(dir + "/a/b/c", true);
    calls.write(dir + "/a/b/c/data.bin", new byte[70_000]);
    calls.write(dir + "/a/empty.txt", new byte[0]);
    calls.rename(dir + "/a/empty.txt", dir + "/a/b/moved.txt");
    calls.delete(dir + "/a/b/c/data.bin", false);
    calls.write(dir + "/a/b/c/again.txt", "again".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.readString(ufs.resolve("a/b/c/again.txt"))).isEqualTo("again");
    assertThat(ufs.resolve("a/b/moved.txt")).exists();
    assertThat(ufs.resolve("a/b/c/data.bin")).doesNotExist();
    // A write derives its folder's new time instead of reading it back (one UFS call per write):
    // only the times of the folders whose children changed may differ, and only by the clocks.
    assertThat(calls.checkConsistency(dir, true))
        .allMatch(
            line -> line.matches(dir + "/a(/b(/c)?)?: modified .* in metasync, .* in the UFS"));
    calls.loadMetadata(dir, true, ALWAYS);
    assertThat(calls.checkConsistency(dir, true)).isEmpty();
    assertThat(calls.list(dir, true, NEVER))
        .extracting(FileInfo::getPath)
        .containsExactly(
            dir + "/a",
            dir + "/a/b",
            dir + "/a/b/c",
            dir + "/a/b/c/again.txt",
            dir + "/a/b/moved.txt");
  }

  @Test
  void createdFileIsReadBackWithItsLength() throws Exception {
    byte[] content = new byte[1_000_000];
    new java.util.Random(7).nextBytes(content);
    FileInfo created = calls.write(dir + "/big.bin", content);
    ByteArrayOutputStream read = new ByteArrayOutputStream();

    FileInfo info = calls.readInfo(dir + "/big.bin", NEVER, read);

    assertThat(created.getLength()).isEqualTo(content.length);
    assertThat(info.getLength()).isEqualTo(content.length);
    assertThat(read.toByteArray()).isEqualTo(content);
  }

  @Test
  void mkdirOfAnExistingPathIsRefusedUnlessParentsIsAsked() {
    calls.mkdir(dir + "/x", false);

    RpcCalls.assertFailsWith(
        () -> calls.mkdir(dir + "/x", false),
        Status.Code.ALREADY_EXISTS,
        dir + "/x already exists");
    assertThat(calls.mkdir(dir + "/x", true).getType()).isEqualTo(FileType.DIRECTORY);
  }

  @Test
  void mkdirWithoutParentsNamesTheMissingParent() {
    RpcCalls.assertFailsWith(
        () -> calls.mkdir(dir + "/no/such", false),
        Status.Code.NOT_FOUND,
        "parent " + dir + "/no does not exist");
    assertThat(ufs.resolve("no")).doesNotExist();
  }

  @Test
  void createOverAFileMadeBehindTheMastersBackIsRefusedAndKeepsIt() throws Exception {
    calls.names(dir, ALWAYS);
    Files.writeString(ufs.resolve("sneaky.txt"), "keep me");

    RpcCalls.assertFailsWith(
        () -> calls.write(dir + "/sneaky.txt", new byte[3]),
        Status.Code.ALREADY_EXISTS,
        "already exists");
    assertThat(Files.readString(ufs.resolve("sneaky.txt"))).isEqualTo("keep me");
    assertThat(calls.stat(dir + "/sneaky.txt", NEVER).getLength()).isEqualTo(7);
  }

  @Test
  void deleteOfANonEmptyFolderWithoutRecursiveChangesNothing() throws Exception {
    calls.mkdir(dir + "/full", false);
    calls.write(dir + "/full/f.txt", new byte[1]);

    RpcCalls.assertFailsWith(
        () -> calls.delete(dir + "/full", false), Status.Code.FAILED_PRECONDITION, "is not empty");
    assertThat(ufs.resolve("full/f.txt")).exists();

    calls.delete(dir + "/full", true);
    assertThat(ufs.resolve("full")).doesNotExist();
    assertThat(calls.names(dir, NEVER)).isEmpty();
  }

  @Test
  void renameIntoAnExistingFolderMovesUnderIt() throws Exception {
    calls.mkdir(dir + "/target", false);
    calls.write(dir + "/f.txt", new byte[2]);

    FileInfo moved = calls.rename(dir + "/f.txt", dir + "/target");

    assertThat(moved.getPath()).isEqualTo(dir + "/target/f.txt");
    assertThat(ufs.resolve("target/f.txt")).exists();
    assertThat(calls.names(dir + "/target", NEVER)).containsExactly("f.txt");
  }

  @Test
  void renameOfAFolderIntoItselfIsRefused() {
    calls.mkdir(dir + "/outer", false);

    RpcCalls.assertFailsWith(
        () -> calls.rename(dir + "/outer", dir + "/outer/inner"),
        Status.Code.INVALID_ARGUMENT,
        "inside itself");
  }

  @Test
  void chmodChangesTheUfsAndTheCache() throws Exception {
    calls.write(dir + "/m.txt", new byte[1]);

    FileInfo info =
        fixture
            .stub()
            .setAttribute(
                SetAttributeRequest.newBuilder()
                    .setContext(RpcCalls.context(NEVER))
                    .setPath(dir + "/m.txt")
                    .setMode(0600)
                    .build());

    assertThat(info.getMode()).isEqualTo(0600);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ufs.resolve("m.txt"))))
        .isEqualTo("rw-------");
    assertThat(calls.stat(dir + "/m.txt", NEVER).getMode()).isEqualTo(0600);
  }

  @Test
  void badPathsAreRefusedAtTheEdgeNamingThePath() {
    RpcCalls.assertFailsWith(
        () -> calls.stat("/a/../etc", NEVER),
        Status.Code.INVALID_ARGUMENT,
        "invalid path '/a/../etc'");
    RpcCalls.assertFailsWith(
        () -> calls.mkdir("relative", false), Status.Code.INVALID_ARGUMENT, "is not absolute");
  }

  @Test
  void deleteOfTheRootIsRefused() {
    RpcCalls.assertFailsWith(
        () -> calls.delete("/", true), Status.Code.INVALID_ARGUMENT, "cannot delete /");
    assertThat(fixture.rootFolder()).exists();
  }
}
