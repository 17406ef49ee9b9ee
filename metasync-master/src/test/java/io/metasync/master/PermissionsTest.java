package io.metasync.master;

import static io.metasync.master.RpcCalls.NEVER;
import static io.metasync.master.RpcCalls.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.proto.FileInfo;
import io.metasync.proto.MetasyncMasterGrpc;
import io.metasync.proto.SetAttributeRequest;
import io.metasync.proto.SyncPointRequest;
import io.metasync.proto.UnmountRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls as a user other than the master's are checked against the mode bits of the cached inodes,
 * as the HDFS NameNode checks them, and administrator operations are refused to it; nothing a
 * refused call asked for happens. One real master over a real local folder; the other user is the
 * host's {@code nobody}, in no group of the folder's entries, so it gets the "others" bits.
 */
class PermissionsTest {
  private static final String OTHER = "nobody";

  @TempDir static Path folder;
  private static MasterFixture master;
  private static RpcCalls admin;
  private static RpcCalls other;

  @BeforeAll
  static void startMaster() throws Exception {
    master = MasterFixture.start(folder, UnaryOperator.identity(), Map.of());
    Path root = master.rootFolder();
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(root.resolve("private"));
    Files.writeString(root.resolve("private/secret.txt"), "secret");
    Files.setPosixFilePermissions(
        root.resolve("private"), PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(root.resolve("public/sub"));
    Files.writeString(root.resolve("public/readable.txt"), "readable");
    Files.writeString(root.resolve("public/unreadable.txt"), "unreadable");
    Files.setPosixFilePermissions(
        root.resolve("public/unreadable.txt"), PosixFilePermissions.fromString("rw-------"));
    Files.createDirectories(root.resolve("shared"));
    Files.setPosixFilePermissions(
        root.resolve("shared"), PosixFilePermissions.fromString("rwxrwxrwx"));
    // never listed before aFirstRecursiveListingLoadsNoFolderTheUserMayNotList
    Files.writeString(Files.createDirectories(root.resolve("walk/open")).resolve("f"), "f");
    Files.createDirectories(root.resolve("walk/closed/hidden"));
    Files.setPosixFilePermissions(
        root.resolve("walk/closed"), PosixFilePermissions.fromString("rwx------"));
    admin = new RpcCalls(master);
    other = new RpcCalls(master, OTHER);
  }

  @AfterAll
  static void stopMaster() throws Exception {
    master.close();
  }

  @Test
  void aFirstRecursiveListingLoadsNoFolderTheUserMayNotList() throws Exception {
    assertThat(other.list("/walk", true, NEVER))
        .extracting(FileInfo::getPath)
        .containsExactlyInAnyOrder("/walk/closed", "/walk/open", "/walk/open/f");

    // never loaded by that walk: its first listing (by its owner) still asks the UFS
    Files.writeString(master.rootFolder().resolve("walk/closed/late"), "late");
    assertThat(admin.names("/walk/closed", NEVER)).containsExactly("hidden", "late");
  }

  @Test
  void anotherUserReadsWhatTheModesAllow() {
    assertThat(other.names("/public", NEVER))
        .containsExactly("readable.txt", "sub", "unreadable.txt");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    other.readInfo("/public/readable.txt", NEVER, bytes);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("readable");
    assertThat(other.stat("/public/unreadable.txt", NEVER).getLength()).isEqualTo(10);
  }

  @Test
  void anotherUserCannotReadAFileOrListAFolderItsModesForbid() {
    assertFailsWith(
        () -> other.readInfo("/public/unreadable.txt", NEVER, new ByteArrayOutputStream()),
        Status.Code.PERMISSION_DENIED,
        "user " + OTHER + " may not read /public/unreadable.txt (owner ");
    assertFailsWith(
        () -> other.names("/private", NEVER),
        Status.Code.PERMISSION_DENIED,
        "user " + OTHER + " may not list /private");
    assertFailsWith(
        () -> other.stat("/private/secret.txt", NEVER),
        Status.Code.PERMISSION_DENIED,
        "may not traverse /private (owner ");
  }

  @Test
  void aRecursiveListingSkipsWhatTheCallerMayNotList() {
    assertThat(other.list("/", true, NEVER))
        .extracting(FileInfo::getPath)
        .contains("/private", "/public/readable.txt")
        .doesNotContain("/private/secret.txt");
    assertThat(admin.list("/", true, NEVER))
        .extracting(FileInfo::getPath)
        .contains("/private/secret.txt");
  }

  @Test
  void anotherUserWritesOnlyWhereTheModesAllowAndARefusalChangesNothing() throws Exception {
    assertFailsWith(
        () -> other.mkdir("/not-mine", false),
        Status.Code.PERMISSION_DENIED,
        "user " + OTHER + " may not write / (owner ");
    assertFailsWith(
        () -> other.write("/public/new.txt", new byte[] {1}),
        Status.Code.PERMISSION_DENIED,
        "may not write /public");
    assertFailsWith(
        () -> other.delete("/public/readable.txt", false),
        Status.Code.PERMISSION_DENIED,
        "may not write /public");
    assertFailsWith(
        () -> other.rename("/public/readable.txt", "/shared/stolen.txt"),
        Status.Code.PERMISSION_DENIED,
        "may not write /public");
    assertThat(Files.exists(master.rootFolder().resolve("not-mine"))).isFalse();
    assertThat(Files.exists(master.rootFolder().resolve("public/new.txt"))).isFalse();
    assertThat(Files.exists(master.rootFolder().resolve("public/readable.txt"))).isTrue();

    FileInfo created = other.mkdir("/shared/mine", false);
    // the creator owns it where the master may give it away (a master running as root)
    String masterUser = System.getProperty("user.name");
    assertThat(created.getOwner()).isEqualTo(masterUser.equals("root") ? OTHER : masterUser);
    assertThat(created.getMode() & 0777).isEqualTo(0755);
    other.write("/shared/data.txt", "x".getBytes(StandardCharsets.UTF_8));
    assertThat(admin.stat("/shared/data.txt", NEVER).getMode() & 0777).isEqualTo(0644);
    other.delete("/shared/data.txt", false);
    other.delete("/shared/mine", true);
    assertThat(Files.exists(master.rootFolder().resolve("shared/mine"))).isFalse();
  }

  @Test
  void onlyTheOwnerChangesModesAndOnlyASuperuserChangesOwners() {
    MetasyncMasterGrpc.MetasyncMasterBlockingStub asOther =
        MetasyncMasterGrpc.newBlockingStub(master.channel(OTHER));
    assertFailsWith(
        () ->
            asOther.setAttribute(
                SetAttributeRequest.newBuilder().setPath("/public/sub").setMode(0777).build()),
        Status.Code.PERMISSION_DENIED,
        "may not change the mode of /public/sub: only its owner");
    assertFailsWith(
        () ->
            asOther.setAttribute(
                SetAttributeRequest.newBuilder().setPath("/public/sub").setOwner(OTHER).build()),
        Status.Code.PERMISSION_DENIED,
        "may not change the owner of /public/sub: only a superuser may");
    assertThat(admin.stat("/public/sub", NEVER).getMode() & 0777).isEqualTo(0755);
  }

  @Test
  void administratorOperationsAreRefusedToOtherUsers() {
    MetasyncMasterGrpc.MetasyncMasterBlockingStub asOther =
        MetasyncMasterGrpc.newBlockingStub(master.channel(OTHER));
    assertFailsWith(
        () -> other.mount("/etc", "file:///etc", true),
        Status.Code.PERMISSION_DENIED,
        "user " + OTHER + " may not mount /etc: only an administrator may");
    assertFailsWith(
        () -> asOther.startSync(SyncPointRequest.newBuilder().setPath("/public").build()),
        Status.Code.PERMISSION_DENIED,
        "may not start syncing /public");
    assertFailsWith(
        () -> asOther.unmount(UnmountRequest.newBuilder().setPath("/").build()),
        Status.Code.PERMISSION_DENIED,
        "may not unmount /");
    assertThat(admin.syncPoints()).isEmpty();
    assertThat(admin.names("/", NEVER)).doesNotContain("etc");
  }

  @Test
  void aCallWithoutAUserIsRefused() {
    io.grpc.ManagedChannel channel =
        io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress(
                "localhost", master.master().rpcPort())
            .usePlaintext()
            .build();
    MetasyncMasterGrpc.MetasyncMasterBlockingStub anonymous =
        MetasyncMasterGrpc.newBlockingStub(channel);
    try {
      assertRefusedAsUnauthenticated(anonymous);
    } finally {
      channel.shutdownNow();
    }
  }

  private static void assertRefusedAsUnauthenticated(
      MetasyncMasterGrpc.MetasyncMasterBlockingStub anonymous) {
    assertThatThrownBy(
            () ->
                anonymous.getStatus(
                    io.metasync.proto.GetStatusRequest.newBuilder().setPath("/").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
              assertThat(e.getStatus().getDescription()).contains("names no user");
            });
  }
}
