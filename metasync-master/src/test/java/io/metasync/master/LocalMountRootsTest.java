package io.metasync.master;

import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metasync.master.mount.local.allowed.roots} limits local mounts to folders below it, as
 * real paths; and the folder mounted at {@code /}, named here through a link, is its real path.
 */
class LocalMountRootsTest {
  private static final String KEY = "metasync.master.mount.local.allowed.roots";

  @TempDir static Path folder;
  @TempDir static Path base;
  private static Path allowed;
  private static Path rootFolder;
  private static MasterFixture fixture;
  private static RpcCalls calls;

  @BeforeAll
  static void startMaster() throws Exception {
    allowed = Files.createDirectories(base.resolve("allowed"));
    rootFolder = Files.createDirectories(allowed.resolve("root-real"));
    Path rootLink = Files.createSymbolicLink(base.resolve("root-link"), rootFolder);
    fixture =
        MasterFixture.start(
            folder,
            UnaryOperator.identity(),
            Map.of(
                KEY,
                allowed.toString(),
                "metasync.master.mount.table.root.ufs",
                rootLink.toString()));
    calls = new RpcCalls(fixture);
  }

  @AfterAll
  static void stopMaster() throws Exception {
    fixture.close();
  }

  private static Path folder(Path parent, String name) throws Exception {
    Path path = Files.createDirectories(parent.resolve(name));
    Files.writeString(path.resolve("inside.txt"), name);
    return path;
  }

  @Test
  void theRootMountIsTheRealFolderOfItsLink() {
    assertThat(calls.stat("/", NEVER).getUfsUri()).isEqualTo("file://" + rootFolder);
  }

  @Test
  void aMountThroughALinkToTheRootsFolderIsRefusedAsOverlapping() throws Exception {
    Path link = Files.createSymbolicLink(allowed.resolve("to-root"), rootFolder);

    RpcCalls.assertFailsWith(
        () -> calls.mount("/again", link.toUri().toString(), false),
        Status.Code.INVALID_ARGUMENT,
        "(resolved to file://" + rootFolder + ") at /again: it overlaps");
  }

  @Test
  void aFolderBelowAnAllowedRootMounts() throws Exception {
    Path data = folder(allowed, "data");

    calls.mount("/data", data.toUri().toString(), false);

    assertThat(calls.names("/data", NEVER)).containsExactly("inside.txt");
  }

  @Test
  void aFolderOutsideTheAllowedRootsIsRefusedNamingTheKey() throws Exception {
    Path outside = folder(base, "outside");

    RpcCalls.assertFailsWith(
        () -> calls.mount("/outside", outside.toUri().toString(), false),
        Status.Code.PERMISSION_DENIED,
        "local mounts are limited to " + allowed + " by " + KEY);
    assertThat(calls.names("/", NEVER)).doesNotContain("outside");
  }

  @Test
  void aLinkInsideAnAllowedRootToAFolderOutsideIsRefused() throws Exception {
    Path outside = folder(base, "elsewhere");
    Path link = Files.createSymbolicLink(allowed.resolve("to-elsewhere"), outside);
    Path toHost = Files.createSymbolicLink(allowed.resolve("to-host"), Path.of("/"));

    RpcCalls.assertFailsWith(
        () -> calls.mount("/elsewhere", link.toUri().toString(), false),
        Status.Code.PERMISSION_DENIED,
        "(resolved to " + outside.toUri().toString().replaceAll("/$", "") + "): local mounts");
    RpcCalls.assertFailsWith(
        () -> calls.mount("/host", toHost.toUri().toString(), false),
        Status.Code.PERMISSION_DENIED,
        KEY);
  }
}
