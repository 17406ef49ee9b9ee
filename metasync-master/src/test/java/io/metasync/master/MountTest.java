package io.metasync.master;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.metasync.proto.FileInfo;
import io.metasync.proto.GetMountTableRequest;
import io.metasync.proto.MountInfo;
import io.metasync.proto.UnmountRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mount table: mounts, nesting, read-only mounts and the mounts that must be refused. */
class MountTest {
  @TempDir static Path folder;
  @TempDir static Path external;
  private static MasterFixture fixture;
  private static RpcCalls calls;

  @BeforeAll
  static void startMaster() throws Exception {
    fixture = MasterFixture.start(folder);
    calls = new RpcCalls(fixture);
  }

  @AfterAll
  static void stopMaster() throws Exception {
    fixture.close();
  }

  private static Path externalFolder(String name) throws Exception {
    Path path = Files.createDirectories(external.resolve(name));
    Files.writeString(path.resolve("inside.txt"), name);
    return path;
  }

  private static void unmount(String path) {
    fixture
        .stub()
        .unmount(
            UnmountRequest.newBuilder().setContext(RpcCalls.context(NEVER)).setPath(path).build());
  }

  @Test
  void aMountedFolderIsListedAndSurvivesASyncOfItsParent() throws Exception {
    Path data = externalFolder("data");
    calls.mount("/data", data.toUri().toString(), false);

    assertThat(calls.names("/data", NEVER)).containsExactly("inside.txt");
    assertThat(calls.stat("/data", NEVER).getMountPoint()).isTrue();
    assertThat(calls.names("/", ALWAYS)).contains("data");
    assertThat(calls.list("/", true, ALWAYS))
        .extracting(FileInfo::getPath)
        .contains("/data/inside.txt");
    assertThat(calls.checkConsistency("/", true)).isEmpty();
  }

  @Test
  void nestedMountsResolveToTheDeepestMount() throws Exception {
    Path outer = externalFolder("outer");
    Path inner = externalFolder("inner");
    calls.mount("/outer", outer.toUri().toString(), false);
    calls.mount("/outer/inner", inner.toUri().toString(), false);

    assertThat(calls.stat("/outer/inner/inside.txt", NEVER).getUfsUri())
        .isEqualTo(inner.resolve("inside.txt").toUri().toString());
    RpcCalls.assertFailsWith(
        () -> unmount("/outer"),
        Status.Code.FAILED_PRECONDITION,
        "the mount /outer/inner is inside it");
    RpcCalls.assertFailsWith(
        () -> calls.delete("/outer", true), Status.Code.FAILED_PRECONDITION, "mount point");

    unmount("/outer/inner");
    unmount("/outer");
    assertThat(inner.resolve("inside.txt")).exists();
    assertThat(
            fixture.stub().getMountTable(GetMountTableRequest.getDefaultInstance()).getMountsList())
        .extracting(MountInfo::getPath)
        .doesNotContain("/outer", "/outer/inner");
  }

  @Test
  void anUnmountLeavesTheNamespaceAtOnceAndItsInodesArePurgedAfter() throws Exception {
    Path data = externalFolder("purged");
    for (int i = 0; i < 50; i++) {
      Files.createDirectories(data.resolve("d" + i)).resolve("f").toFile().createNewFile();
    }
    long before = fixture.master().namespace().inodeCount();
    calls.mount("/purged", data.toUri().toString(), false);
    calls.loadMetadata("/purged", true, 0);
    assertThat(fixture.master().namespace().inodeCount()).isEqualTo(before + 102);

    unmount("/purged");

    assertThat(calls.names("/", NEVER)).doesNotContain("purged");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fixture.master().namespace().inodeCount() == before);
  }

  @Test
  void aMountOverAnExistingPathIsRefused() throws Exception {
    Files.createDirectories(fixture.rootFolder().resolve("taken"));

    RpcCalls.assertFailsWith(
        () -> calls.mount("/taken", externalFolder("other").toUri().toString(), false),
        Status.Code.ALREADY_EXISTS,
        "cannot mount at /taken: it already exists");
  }

  @Test
  void aMountInsideAnotherMountsUfsFolderIsRefused() throws Exception {
    Path inRoot = Files.createDirectories(fixture.rootFolder().resolve("already-served"));

    RpcCalls.assertFailsWith(
        () -> calls.mount("/twice", inRoot.toUri().toString(), false),
        Status.Code.INVALID_ARGUMENT,
        "the UFS of mount /");
    RpcCalls.assertFailsWith(
        () -> calls.mount("/around", folder.toUri().toString(), false),
        Status.Code.INVALID_ARGUMENT,
        "overlaps");
  }

  @Test
  void aMountThroughALinkToAnotherMountsFolderIsRefusedShowingWhereItLeads() throws Exception {
    Path toRoot = Files.createSymbolicLink(external.resolve("to-root"), fixture.rootFolder());
    Path toAbove = Files.createSymbolicLink(external.resolve("to-above"), folder);
    Path toHost = Files.createSymbolicLink(external.resolve("to-host"), Path.of("/"));
    Path mounted = externalFolder("mounted-once");
    calls.mount("/once", mounted.toUri().toString(), false);
    Path toMounted = Files.createSymbolicLink(external.resolve("to-mounted"), mounted);

    RpcCalls.assertFailsWith(
        () -> calls.mount("/via-link", toRoot.toUri().toString(), false),
        Status.Code.INVALID_ARGUMENT,
        "cannot mount "
            + toRoot.toUri()
            + " (resolved to "
            + folderUri(fixture.rootFolder())
            + ") at /via-link: it overlaps");
    RpcCalls.assertFailsWith(
        () -> calls.mount("/via-link", toAbove.toUri().toString(), false),
        Status.Code.INVALID_ARGUMENT,
        "the UFS of mount /");
    RpcCalls.assertFailsWith(
        () -> calls.mount("/via-link", toHost.toUri().toString(), false),
        Status.Code.INVALID_ARGUMENT,
        "(resolved to file:///) at /via-link: it overlaps");
    RpcCalls.assertFailsWith(
        () -> calls.mount("/via-link", toMounted.toUri().toString(), false),
        Status.Code.INVALID_ARGUMENT,
        "the UFS of mount /once");
    assertThat(calls.names("/", NEVER)).doesNotContain("via-link");
  }

  @Test
  void aMountThroughALinkKeepsTheRealFolder() throws Exception {
    Path real = externalFolder("real");
    Path link = Files.createSymbolicLink(external.resolve("link-to-real"), real);

    calls.mount("/linked", link.toUri().toString(), false);

    assertThat(
            fixture.stub().getMountTable(GetMountTableRequest.getDefaultInstance()).getMountsList())
        .filteredOn(mount -> mount.getPath().equals("/linked"))
        .extracting(MountInfo::getUfsUri)
        .containsExactly(folderUri(real));
    assertThat(calls.stat("/linked/inside.txt", NEVER).getUfsUri())
        .isEqualTo(real.resolve("inside.txt").toUri().toString());
    RpcCalls.assertFailsWith(
        () -> calls.mount("/real-again", real.toUri().toString(), false),
        Status.Code.INVALID_ARGUMENT,
        "the UFS of mount /linked");
  }

  @Test
  void aMountedFolderReplacedByALinkIsRefusedUntilMountedAgain() throws Exception {
    Path mounted = externalFolder("replaced");
    Path elsewhere = externalFolder("elsewhere");
    calls.mount("/replaced", mounted.toUri().toString(), false);
    Files.move(mounted, external.resolve("replaced-away"));
    Files.createSymbolicLink(mounted, elsewhere);

    RpcCalls.assertFailsWith(
        () -> calls.names("/replaced", ALWAYS),
        Status.Code.UNAVAILABLE,
        "now resolves to " + folderUri(elsewhere));
    unmount("/replaced");
    assertThat(elsewhere.resolve("inside.txt")).hasContent("elsewhere");
  }

  @Test
  void linksInAMountedFolderAreNeitherShownNorFollowed() throws Exception {
    Path secrets = externalFolder("secrets");
    Path mounted = externalFolder("with-links");
    Files.createDirectories(mounted.resolve("d"));
    Files.createSymbolicLink(mounted.resolve("etc"), secrets);
    Files.createSymbolicLink(mounted.resolve("d/etc"), secrets);
    calls.mount("/with-links", mounted.toUri().toString(), false);

    assertThat(calls.names("/with-links", ALWAYS)).containsExactly("d", "inside.txt");
    assertThat(calls.names("/with-links/d", ALWAYS)).isEmpty();
    RpcCalls.assertFailsWith(
        () -> calls.stat("/with-links/etc/inside.txt", ALWAYS),
        Status.Code.NOT_FOUND,
        "does not exist");
    calls.delete("/with-links/d", true);

    assertThat(mounted.resolve("d")).doesNotExist();
    assertThat(secrets.resolve("inside.txt")).hasContent("secrets");
  }

  @Test
  void aCachedFolderReplacedByALinkIsNotFollowed() throws Exception {
    Path secrets = externalFolder("secrets-behind");
    Path mounted = externalFolder("swapped");
    Files.writeString(Files.createDirectories(mounted.resolve("d")).resolve("mine.txt"), "mine");
    calls.mount("/swapped", mounted.toUri().toString(), false);
    assertThat(calls.names("/swapped/d", ALWAYS)).containsExactly("mine.txt");

    Files.move(mounted.resolve("d"), external.resolve("swapped-away"));
    Files.createSymbolicLink(mounted.resolve("d"), secrets);

    // The cache still has /swapped/d: writes reach the UFS, which refuses the link.
    RpcCalls.assertFailsWith(
        () -> calls.delete("/swapped/d", true),
        Status.Code.FAILED_PRECONDITION,
        "swapped/d is a symbolic link; metasync does not follow links in a local mount");
    RpcCalls.assertFailsWith(
        () -> calls.write("/swapped/d/new.txt", new byte[1]),
        Status.Code.FAILED_PRECONDITION,
        "is a symbolic link");
    // A sync finds the link absent, as a listing skips it.
    RpcCalls.assertFailsWith(
        () -> calls.names("/swapped/d", ALWAYS), Status.Code.NOT_FOUND, "does not exist");
    assertThat(secrets.resolve("inside.txt")).hasContent("secrets-behind");
  }

  private static String folderUri(Path folder) {
    return folder.toUri().toString().replaceAll("/$", "");
  }

  @Test
  void aMountOfAMissingFolderOrWithoutSchemeIsRefused() {
    RpcCalls.assertFailsWith(
        () -> calls.mount("/ghost", external.resolve("missing").toUri().toString(), false),
        Status.Code.NOT_FOUND,
        "does not exist");
    RpcCalls.assertFailsWith(
        () -> calls.mount("/ghost", "/no/scheme", false),
        Status.Code.INVALID_ARGUMENT,
        "has no scheme");
    RpcCalls.assertFailsWith(
        () -> calls.mount("/ghost", "s3://bucket/x", false),
        Status.Code.INVALID_ARGUMENT,
        "no under file system serves");
  }

  @Test
  void unmountOfTheRootOrOfAPlainFolderIsRefused() {
    calls.mkdir("/plain", true);

    RpcCalls.assertFailsWith(() -> unmount("/"), Status.Code.INVALID_ARGUMENT, "cannot unmount /");
    RpcCalls.assertFailsWith(
        () -> unmount("/plain"), Status.Code.INVALID_ARGUMENT, "/plain is not a mount point");
  }

  @Test
  void aReadOnlyMountRefusesWritesAndLeavesItsUfsAlone() throws Exception {
    Path archive = externalFolder("archive");
    calls.mount("/archive", archive.toUri().toString(), true);

    RpcCalls.assertFailsWith(
        () -> calls.mkdir("/archive/new", false),
        Status.Code.PERMISSION_DENIED,
        "read-only mount /archive");
    RpcCalls.assertFailsWith(
        () -> calls.delete("/archive/inside.txt", false),
        Status.Code.PERMISSION_DENIED,
        "read-only");
    RpcCalls.assertFailsWith(
        () -> calls.write("/archive/x.txt", new byte[1]),
        Status.Code.PERMISSION_DENIED,
        "read-only");
    assertThat(calls.names("/archive", ALWAYS)).containsExactly("inside.txt");
    try (var files = Files.list(archive)) {
      assertThat(files).containsExactly(archive.resolve("inside.txt"));
    }
  }

  @Test
  void aMoveAcrossMountsIsRefused() throws Exception {
    calls.mount("/left", externalFolder("left").toUri().toString(), false);

    RpcCalls.assertFailsWith(
        () -> calls.rename("/left/inside.txt", "/right-of-left.txt"),
        Status.Code.INVALID_ARGUMENT,
        "a move stays within one mount");
  }

  @Test
  void unmountForgetsTheCachedSubtreeButNotTheUfs() throws Exception {
    Path gone = externalFolder("unmounted");
    calls.mount("/unmounted", gone.toUri().toString(), false);
    calls.names("/unmounted", NEVER);

    unmount("/unmounted");

    RpcCalls.assertFailsWith(
        () -> calls.stat("/unmounted/inside.txt", NEVER), Status.Code.NOT_FOUND, "does not exist");
    assertThat(gone.resolve("inside.txt")).exists();
  }
}
