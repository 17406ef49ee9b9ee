package io.metasync.master;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.proto.FileInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * First loads at the default interval (-1): {@code loadMetadata -R} and {@code ls -R} list the
 * never-loaded folders of a subtree in parallel, as a subtree sync does, and leave the folders
 * loaded before alone.
 */
class LoadMetadataTest {
  @TempDir static Path folder;
  private static MasterFixture fixture;
  private static RpcCalls calls;
  private static RendezvousListingUnderFileSystem ufsCalls;
  private Path ufs;
  private String dir;

  @BeforeAll
  static void startMaster() throws Exception {
    fixture =
        MasterFixture.start(
            folder,
            ufs -> ufsCalls != null ? ufs : (ufsCalls = new RendezvousListingUnderFileSystem(ufs)),
            Map.of());
    calls = new RpcCalls(fixture);
  }

  @AfterAll
  static void stopMaster() throws Exception {
    fixture.close();
  }

  /** A tree of two folders of three files each, and one file, in a folder of the test's own. */
  @BeforeEach
  void createTree(TestInfo test) throws IOException {
    String name = test.getTestMethod().orElseThrow().getName();
    ufs = Files.createDirectories(fixture.rootFolder().resolve(name));
    for (String sub : List.of("a", "b")) {
      Path subfolder = Files.createDirectories(ufs.resolve(sub));
      for (int i = 0; i < 3; i++) {
        Files.writeString(subfolder.resolve("f" + i), "x");
      }
    }
    Files.writeString(ufs.resolve("top"), "t");
    dir = "/" + name;
    ufsCalls.meet(Set.of());
    ufsCalls.clear();
  }

  @Test
  void firstLoadAtDefaultIntervalListsFoldersInParallel() {
    ufsCalls.meet(Set.of(dir + "/a", dir + "/b"));

    long files = calls.loadMetadata(dir, true, NEVER);

    assertThat(files).isEqualTo(7);
    assertThat(ufsCalls.listed()).containsExactlyInAnyOrder(dir, dir + "/a", dir + "/b");
    assertThat(calls.list(dir, true, NEVER)).hasSize(9);
  }

  @Test
  void firstRecursiveListingAtDefaultIntervalListsFoldersInParallel() {
    ufsCalls.meet(Set.of(dir + "/a", dir + "/b"));

    List<FileInfo> entries = calls.list(dir, true, NEVER);

    assertThat(entries).extracting(FileInfo::getPath).contains(dir + "/a/f2", dir + "/b/f0");
    assertThat(entries).hasSize(9);
    assertThat(ufsCalls.listed()).containsExactlyInAnyOrder(dir, dir + "/a", dir + "/b");
  }

  @Test
  void loadAtDefaultIntervalListsOnlyFoldersNeverLoaded() throws IOException {
    calls.loadMetadata(dir, false, NEVER);
    ufsCalls.clear();
    Files.writeString(ufs.resolve("late-top"), "late");

    long files = calls.loadMetadata(dir, true, NEVER);

    assertThat(ufsCalls.listed()).containsExactlyInAnyOrder(dir + "/a", dir + "/b");
    // the loaded folder was not asked again: its new file stays unseen, and is not counted
    assertThat(files).isEqualTo(7);
    assertThat(calls.names(dir, NEVER)).containsExactly("a", "b", "top");
  }

  @Test
  void loadAtDefaultIntervalOfALoadedTreeAsksNothingAndCountsWhatIsCached() throws IOException {
    calls.loadMetadata(dir, true, NEVER);
    ufsCalls.clear();
    Files.writeString(ufs.resolve("a/late"), "late");

    long files = calls.loadMetadata(dir, true, NEVER);

    assertThat(ufsCalls.listed()).isEmpty();
    assertThat(files).isEqualTo(7);
    assertThat(calls.names(dir + "/a", NEVER)).containsExactly("f0", "f1", "f2");
  }

  @Test
  void loadsAndSyncsAMountPointBelowLikeAnyFolder(@TempDir Path external) throws IOException {
    Path data = Files.createDirectories(external.resolve("data"));
    Files.writeString(data.resolve("inside"), "i");
    calls.mount(dir + "/mounted", data.toUri().toString(), false);

    long files = calls.loadMetadata(dir, true, NEVER);

    assertThat(files).isEqualTo(8);
    assertThat(calls.list(dir, true, NEVER))
        .extracting(FileInfo::getPath)
        .contains(dir + "/mounted/inside");
    Files.writeString(data.resolve("late"), "l");
    assertThat(calls.list(dir, true, ALWAYS))
        .extracting(FileInfo::getPath)
        .contains(dir + "/mounted/inside", dir + "/mounted/late", dir + "/a/f0");
  }
}
