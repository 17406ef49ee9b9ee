package io.metasync.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.master.MasterFixture;
import io.metasync.ufs.CountingUnderFileSystem;
import io.metasync.ufs.UfsOperation;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hadoop's create, mkdirs, delete and rename through {@code metasync://} are one call to the master
 * each, with HDFS's rules checked there. With sync interval 0 every status call the client made
 * would be a {@code getStatus} of the UFS, so the counts of UFS calls show that none was made: only
 * the operation itself reaches the UFS.
 */
class OneCallPerHadoopWriteTest {
  @TempDir static Path folder;
  private static MasterFixture master;
  private static CountingUnderFileSystem counting;
  private static URI uri;
  private FileSystem fs;
  private Path ufs;
  private String dir;

  @BeforeAll
  static void start() throws IOException {
    master =
        MasterFixture.start(
            folder,
            ufs -> {
              if (counting == null) {
                counting = new CountingUnderFileSystem(ufs);
              }
              return counting;
            },
            Map.of());
    uri = URI.create("metasync://localhost:" + master.master().rpcPort() + "/");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    master.close();
  }

  @BeforeEach
  void openFileSystem(TestInfo test) throws IOException {
    Configuration conf = new Configuration(false);
    conf.set("metasync.user.file.metadata.sync.interval", "0");
    fs = FileSystem.newInstance(uri, conf);
    dir = "/" + test.getTestMethod().orElseThrow().getName();
    ufs = Files.createDirectories(master.rootFolder().resolve(dir.substring(1)));
    Files.writeString(ufs.resolve("file.txt"), "old");
    Files.createDirectories(ufs.resolve("folder"));
    Files.writeString(ufs.resolve("folder/inside.txt"), "inside");
    fs.listStatus(path(""));
    fs.listStatus(path("/folder"));
    counting.reset();
  }

  @AfterEach
  void closeFileSystem() throws IOException {
    fs.close();
  }

  private org.apache.hadoop.fs.Path path(String relative) {
    return new org.apache.hadoop.fs.Path(dir + relative);
  }

  private void write(org.apache.hadoop.fs.Path path, boolean overwrite, String text)
      throws IOException {
    try (OutputStream out = fs.create(path, overwrite)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void createWithOverwriteReplacesAFileWithItsDeleteAndCreateOnly() throws IOException {
    write(path("/file.txt"), true, "new");

    assertThat(Files.readString(ufs.resolve("file.txt"))).isEqualTo("new");
    assertThat(counting.count(UfsOperation.DELETE)).isEqualTo(1);
    assertThat(counting.count(UfsOperation.CREATE)).isEqualTo(1);
    assertThat(counting.total()).as("UFS calls: %s", counting).isEqualTo(2);
    assertThat(fs.getFileStatus(path("/file.txt")).getLen()).isEqualTo(3);
  }

  @Test
  void createWithoutOverwriteOfAFileOrOfAFolderFailsAndChangesNothing() throws IOException {
    assertThatThrownBy(() -> write(path("/file.txt"), false, "new"))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> write(path("/folder"), true, "new"))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("is a folder");

    assertThat(Files.readString(ufs.resolve("file.txt"))).isEqualTo("old");
    assertThat(ufs.resolve("folder/inside.txt")).exists();
    assertThat(counting.total()).as("UFS calls: %s", counting).isZero();
  }

  @Test
  void createMakesMissingParentsInTheSameCall() throws IOException {
    write(path("/a/b/new.txt"), false, "new");

    assertThat(Files.readString(ufs.resolve("a/b/new.txt"))).isEqualTo("new");
    assertThat(counting.count(UfsOperation.MKDIR)).isEqualTo(2);
    assertThat(counting.count(UfsOperation.CREATE)).isEqualTo(1);
    assertThat(counting.total()).as("UFS calls: %s", counting).isEqualTo(3);
  }

  @Test
  void createNonRecursiveNeedsAFolderAsParent() throws IOException {
    assertThatThrownBy(
            () ->
                fs.createNonRecursive(
                        path("/missing/new.txt"),
                        FsPermission.getFileDefault(),
                        EnumSet.of(CreateFlag.CREATE),
                        4096,
                        (short) 1,
                        1 << 20,
                        null)
                    .close())
        .isInstanceOf(FileNotFoundException.class);
    assertThatThrownBy(
            () ->
                fs.createNonRecursive(
                        path("/file.txt/new.txt"),
                        FsPermission.getFileDefault(),
                        EnumSet.of(CreateFlag.CREATE),
                        4096,
                        (short) 1,
                        1 << 20,
                        null)
                    .close())
        .isInstanceOf(ParentNotDirectoryException.class);

    assertThat(ufs.resolve("missing")).doesNotExist();
    assertThat(counting.total()).as("UFS calls: %s", counting).isZero();
  }

  @Test
  void mkdirsIsOneCallAndTrueForAnExistingFolder() throws IOException {
    assertThat(fs.mkdirs(path("/made"))).isTrue();
    assertThat(counting.count(UfsOperation.MKDIR)).isEqualTo(1);
    assertThat(counting.total()).as("UFS calls: %s", counting).isEqualTo(1);
    counting.reset();

    assertThat(fs.mkdirs(path("/folder"))).isTrue();
    assertThatThrownBy(() -> fs.mkdirs(path("/file.txt")))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> fs.mkdirs(path("/file.txt/below")))
        .isInstanceOf(ParentNotDirectoryException.class);
    assertThat(counting.total()).as("UFS calls: %s", counting).isZero();
  }

  @Test
  void deleteIsOneCallAndFalseForAMissingPath() throws IOException {
    assertThat(fs.delete(path("/file.txt"), false)).isTrue();
    assertThat(fs.delete(path("/file.txt"), false)).isFalse();

    assertThat(ufs.resolve("file.txt")).doesNotExist();
    assertThat(counting.count(UfsOperation.DELETE)).isEqualTo(1);
    assertThat(counting.total()).as("UFS calls: %s", counting).isEqualTo(1);
  }

  @Test
  void renameIsOneCallAndMovesIntoAnExistingFolder() throws IOException {
    assertThat(fs.rename(path("/file.txt"), path("/folder"))).isTrue();

    assertThat(Files.readString(ufs.resolve("folder/file.txt"))).isEqualTo("old");
    assertThat(counting.count(UfsOperation.RENAME)).isEqualTo(1);
    assertThat(counting.total()).as("UFS calls: %s", counting).isEqualTo(1);
  }

  @Test
  void renameAnswersFalseWhereHadoopDoes() throws IOException {
    Files.writeString(ufs.resolve("other.txt"), "other");
    Files.writeString(ufs.resolve("inside.txt"), "a second inside.txt");
    fs.listStatus(path(""));
    counting.reset();

    assertThat(fs.rename(path("/missing.txt"), path("/new.txt"))).as("missing source").isFalse();
    assertThat(fs.rename(path("/file.txt"), path("/missing/new.txt")))
        .as("missing destination parent")
        .isFalse();
    assertThat(fs.rename(path("/file.txt"), path("/other.txt"))).as("onto a file").isFalse();
    assertThat(fs.rename(path("/inside.txt"), path("/folder")))
        .as("onto a name taken inside the destination folder")
        .isFalse();
    assertThat(fs.rename(path("/folder"), path("/folder/sub"))).as("into itself").isFalse();
    assertThat(fs.rename(path("/folder"), path("/folder"))).as("a folder onto itself").isFalse();
    assertThat(fs.rename(path("/file.txt"), path("/file.txt"))).as("a file onto itself").isTrue();

    assertThat(counting.total()).as("UFS calls: %s", counting).isZero();
    assertThat(Files.readString(ufs.resolve("file.txt"))).isEqualTo("old");
    assertThat(Files.readString(ufs.resolve("other.txt"))).isEqualTo("other");
  }
}
