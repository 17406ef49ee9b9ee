package io.metasync.master.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.FileType;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeStore;
import io.metasync.master.inode.rocks.CheckpointReader;
import io.metasync.master.inode.rocks.RocksInodeStore;
import io.metasync.ufs.Fingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RocksDB checkpoint as a follower's Ratis installs it (an {@code .md5} file beside every file it
 * received) loads into a RocksDB inode store.
 */
class InstalledCheckpointTest {
  @TempDir Path root;

  @Test
  void aCheckpointWithRatisMd5FilesBesideItsFilesLoads() throws Exception {
    Path files = root.resolve("sm").resolve("snapshot.1_7.files");
    try (InodeStore source = RocksInodeStore.open(root.resolve("source"), 100);
        InodeStore target = RocksInodeStore.open(root.resolve("target"), 100)) {
      for (long id = 2; id < 50; id++) {
        source.put(
            new Inode(
                id,
                1,
                "f" + id,
                new Fingerprint(FileType.FILE, id, id, "o", "g", 0644, ""),
                false));
      }
      Files.createDirectories(files.getParent());
      assertThat(source.writeCheckpoint(files)).isTrue();
      List<Path> checkpointFiles;
      try (Stream<Path> all = Files.list(files)) {
        checkpointFiles = all.toList();
      }
      for (Path file : checkpointFiles) {
        Files.writeString(file.resolveSibling(file.getFileName() + ".md5"), "0 *x\n");
      }

      CheckpointReader.loadInto(target, files);

      assertThat(target.size()).isEqualTo(source.size());
      assertThat(target.get(49)).isEqualTo(source.get(49));
    }
  }
}
