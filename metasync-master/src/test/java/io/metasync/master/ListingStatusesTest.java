package io.metasync.master;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.proto.FileInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listing builds its entries' statuses with the folder's mount and sync time resolved once per
 * folder: each entry must still say what a {@code stat} of its own path says.
 */
class ListingStatusesTest {
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

  @Test
  void everyListedEntrySaysWhatItsOwnStatSays() throws Exception {
    Path tree = Files.createDirectories(fixture.rootFolder().resolve("tree/sub/deeper"));
    Files.writeString(tree.resolve("file one"), "1");
    Files.writeString(tree.resolveSibling("%name"), "2");
    Path mounted = Files.createDirectories(external.resolve("mounted"));
    Files.writeString(Files.createDirectories(mounted.resolve("in")).resolve("x"), "x");
    calls.mkdir("/tree/sub/mounts-here", false);
    calls.mount("/tree/sub/mounts-here/data", mounted.toUri().toString(), false);
    calls.loadMetadata("/tree", true, ALWAYS);
    // a later sync of one folder: its entries are fresher than the rest of the tree
    calls.list("/tree/sub/deeper", false, ALWAYS);

    List<FileInfo> listed = calls.list("/tree", true, NEVER);

    assertThat(listed)
        .extracting(FileInfo::getPath)
        .contains(
            "/tree/sub/deeper/file one",
            "/tree/sub/%name",
            "/tree/sub/mounts-here/data",
            "/tree/sub/mounts-here/data/in/x");
    for (FileInfo entry : listed) {
      FileInfo stat = calls.stat(entry.getPath(), NEVER);
      assertThat(entry.getUfsUri()).as(entry.getPath()).isEqualTo(stat.getUfsUri());
      assertThat(entry.getLastSyncedMs()).as(entry.getPath()).isEqualTo(stat.getLastSyncedMs());
      assertThat(entry.getMountPoint()).as(entry.getPath()).isEqualTo(stat.getMountPoint());
    }
    FileInfo inMount = calls.stat("/tree/sub/mounts-here/data/in/x", NEVER);
    assertThat(inMount.getUfsUri()).isEqualTo(mounted.resolve("in/x").toUri().toString());
  }
}
