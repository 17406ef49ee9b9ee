package io.metasync.master;

import static io.metasync.master.RpcCalls.ALWAYS;
import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.proto.FileInfo;
import io.metasync.ufs.CountingUnderFileSystem;
import io.metasync.ufs.FaultInjectingUnderFileSystem;
import io.metasync.ufs.UfsOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders wider than what a merge keeps in memory: journal batches of 7 changes proposed while the
 * merge goes on, and more subfolders than a merge remembers for a recursive sync (the rest are read
 * back from the cache a page at a time), for syncs and for consistency checks.
 */
class WideFolderSyncTest {
  private static final int BATCH_SIZE = 7;

  @TempDir static Path folder;
  private static MasterFixture fixture;
  private static RpcCalls calls;
  private static CountingUnderFileSystem counting;
  private static FaultInjectingUnderFileSystem faults;

  @BeforeAll
  static void startMaster() throws Exception {
    fixture =
        MasterFixture.start(
            folder,
            ufs -> {
              if (counting != null) {
                return ufs;
              }
              faults = new FaultInjectingUnderFileSystem(ufs);
              counting = new CountingUnderFileSystem(faults);
              return counting;
            },
            Map.of("metasync.master.sync.batch.size", String.valueOf(BATCH_SIZE)));
    calls = new RpcCalls(fixture);
  }

  @AfterAll
  static void stopMaster() throws Exception {
    fixture.close();
  }

  @AfterEach
  void heal() {
    faults.heal();
  }

  @Test
  void folderOfManyBatchesIsLoadedWhole() throws Exception {
    Path ufs = Files.createDirectories(fixture.rootFolder().resolve("many-batches"));
    List<String> names = createFiles(ufs, 100);

    assertThat(calls.names("/many-batches", ALWAYS)).containsExactlyElementsOf(names);

    for (int i = 0; i < 100; i += 2) {
      Files.delete(ufs.resolve(names.get(i)));
    }
    Files.setLastModifiedTime(ufs.resolve(names.get(1)), FileTime.fromMillis(1_000_000L));
    List<String> left = new ArrayList<>();
    for (int i = 1; i < 100; i += 2) {
      left.add(names.get(i));
    }

    assertThat(calls.names("/many-batches", ALWAYS)).containsExactlyElementsOf(left);
    assertThat(calls.stat("/many-batches/" + names.get(1), NEVER).getLastModifiedMs())
        .isEqualTo(1_000_000L);
    assertThat(calls.checkConsistency("/many-batches", true)).isEmpty();
  }

  @Test
  void ufsErrorAfterSeveralBatchesFailsTheSyncAndLeavesThePathUnsynced() throws Exception {
    Path ufs = Files.createDirectories(fixture.rootFolder().resolve("error-mid-way"));
    List<String> names = createFiles(ufs, 60);
    faults.failListingAfter(30, new IOException("connection reset"));

    assertThatThrownBy(() -> calls.names("/error-mid-way", ALWAYS))
        .hasMessageContaining("UNAVAILABLE")
        .hasMessageContaining("connection reset");

    faults.heal();
    counting.reset();
    // not marked synced: a generous interval still lists the folder again, and gets all of it
    assertThat(calls.names("/error-mid-way", 3_600_000)).containsExactlyElementsOf(names);
    assertThat(counting.count(UfsOperation.LIST)).isEqualTo(1);
  }

  @Test
  void recursiveSyncVisitsMoreSubfoldersThanAMergeRemembers() throws Exception {
    Path ufs = Files.createDirectories(fixture.rootFolder().resolve("wide-tree"));
    int folders = 1_100;
    for (int i = 0; i < folders; i++) {
      Path sub = Files.createDirectories(ufs.resolve(String.format("d%05d", i)));
      Files.writeString(sub.resolve("f"), "x");
    }
    createFiles(ufs, 20);

    calls.loadMetadata("/wide-tree", true, ALWAYS);

    counting.reset();
    List<FileInfo> all = calls.list("/wide-tree", true, NEVER);
    assertThat(all).hasSize(folders * 2 + 20);
    assertThat(counting.total()).isZero();
    assertThat(calls.stat("/wide-tree/d01099/f", NEVER).getLength()).isEqualTo(1);

    assertThat(calls.checkConsistency("/wide-tree", true)).isEmpty();
    Files.writeString(ufs.resolve("d01077/f"), "longer");
    Files.delete(ufs.resolve("d00003/f"));
    // the third difference is d00003's own modification time, changed by the deletion
    assertThat(calls.checkConsistency("/wide-tree", true))
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).startsWith("/wide-tree/d00003: modified"))
        .anySatisfy(line -> assertThat(line).startsWith("/wide-tree/d01077/f: length 1"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .isEqualTo("/wide-tree/d00003/f: exists in metasync but not in the UFS"));

    calls.loadMetadata("/wide-tree", true, ALWAYS);
    assertThat(calls.checkConsistency("/wide-tree", true)).isEmpty();
    assertThat(calls.list("/wide-tree", true, NEVER)).hasSize(folders * 2 + 20 - 1);
  }

  private static List<String> createFiles(Path folder, int count) throws IOException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = String.format("f%04d", i);
      Files.writeString(folder.resolve(name), name);
      names.add(name);
    }
    return names;
  }
}
