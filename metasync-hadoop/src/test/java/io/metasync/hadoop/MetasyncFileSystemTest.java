package io.metasync.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.master.MasterFixture;
import io.metasync.ufs.CountingUnderFileSystem;
import io.metasync.ufs.UfsOperation;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metasync:// on a real master whose UFS calls are counted. */
class MetasyncFileSystemTest {
  private static final String INTERVAL = "metasync.user.file.metadata.sync.interval";

  @TempDir static Path folder;
  private static MasterFixture master;
  private static CountingUnderFileSystem counting;
  private static URI uri;

  @BeforeAll
  static void start() throws IOException {
    master =
        MasterFixture.start(
            folder,
            ufs -> {
              counting = new CountingUnderFileSystem(ufs);
              return counting;
            },
            Map.of());
    uri = URI.create("metasync://localhost:" + master.master().rpcPort() + "/");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    master.close();
  }

  private static FileSystem newFileSystem(Map<String, String> settings) throws IOException {
    Configuration conf = new Configuration(false);
    settings.forEach(conf::set);
    return FileSystem.newInstance(uri, conf);
  }

  @Test
  void schemeIsFoundWithoutFsImplSetting() throws IOException {
    try (FileSystem fs = newFileSystem(Map.of())) {
      assertThat(fs).isInstanceOf(MetasyncFileSystem.class);
      assertThat(fs.getScheme()).isEqualTo("metasync");
      assertThat(fs.makeQualified(new org.apache.hadoop.fs.Path("/a")).toString())
          .isEqualTo("metasync://localhost:" + master.master().rpcPort() + "/a");
    }
  }

  @Test
  void listingsOfATableWithIntervalMinusOneDoNotReachTheUfs() throws IOException {
    Path table = master.rootFolder().resolve("table");
    for (int partition = 0; partition < 5; partition++) {
      Path folder = Files.createDirectories(table.resolve("part=" + partition));
      for (int file = 0; file < 20; file++) {
        Files.writeString(folder.resolve("f" + file + ".parquet"), "x".repeat(file));
      }
    }
    try (FileSystem fs = newFileSystem(Map.of(INTERVAL, "-1"))) {
      List<String> first = listEverything(fs, "/table"); // loads each folder once (load type ONCE)
      counting.reset();

      List<String> again = listEverything(fs, "/table");

      assertThat(again).isEqualTo(first).hasSize(1 + 5 + 5 * 20 * 3 + 2).contains("listFiles 100");
      assertThat(counting.total()).as("UFS calls: %s", counting).isZero();
    }
  }

  /** What a query engine does to a table: stat, list, list located, summarize. */
  private static List<String> listEverything(FileSystem fs, String table) throws IOException {
    List<String> seen = new ArrayList<>();
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(table);
    seen.add(fs.getFileStatus(root).getPath().toString());
    for (FileStatus partition : fs.listStatus(root)) {
      seen.add(partition.getPath().getName());
      for (FileStatus file : fs.listStatus(partition.getPath())) {
        seen.add(file.getPath().getName() + " " + file.getLen());
      }
      RemoteIterator<FileStatus> files = fs.listStatusIterator(partition.getPath());
      while (files.hasNext()) {
        seen.add(files.next().getPath().getName());
      }
      RemoteIterator<LocatedFileStatus> located = fs.listLocatedStatus(partition.getPath());
      while (located.hasNext()) {
        seen.add(located.next().getBlockLocations().length + " block");
      }
    }
    seen.add("files " + fs.getContentSummary(root).getFileCount());
    RemoteIterator<LocatedFileStatus> all = fs.listFiles(root, true);
    int files = 0;
    while (all.hasNext()) {
      assertThat(all.next().isFile()).isTrue();
      files++;
    }
    seen.add("listFiles " + files);
    return seen;
  }

  @Test
  void laterIntervalSettingOfTheConfigurationTakesEffect() throws IOException {
    Path dir = Files.createDirectories(master.rootFolder().resolve("later"));
    try (FileSystem fs = newFileSystem(Map.of(INTERVAL, "-1"))) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path("/later");
      assertThat(fs.listStatus(path)).isEmpty();
      Files.writeString(dir.resolve("behind-the-back.txt"), "new");

      assertThat(fs.listStatus(path)).isEmpty();
      fs.getConf().set(INTERVAL, "0");
      assertThat(fs.listStatus(path))
          .extracting(s -> s.getPath().getName())
          .containsExactly("behind-the-back.txt");
    }
  }

  @Test
  void uncachedInstancesShareOneChannelYetKeepTheirOwnInterval() throws IOException {
    Path dir = Files.createDirectories(master.rootFolder().resolve("shared"));
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path("/shared");
    int before = SharedClients.open();
    try (FileSystem cached = newFileSystem(Map.of(INTERVAL, "-1"));
        FileSystem fresh = newFileSystem(Map.of(INTERVAL, "0"))) {
      assertThat(cached.listStatus(path)).isEmpty();
      Files.writeString(dir.resolve("behind-the-back.txt"), "new");

      assertThat(cached.listStatus(path)).isEmpty();
      assertThat(fresh.listStatus(path)).hasSize(1);
      assertThat(SharedClients.open()).isLessThanOrEqualTo(before + 1);
    }
    assertThat(SharedClients.open()).isEqualTo(before);
  }

  @Test
  void directReadOfAFileChangedBehindTheBackServesTheNewBytesWithoutTheMaster() throws IOException {
    Path file = Files.writeString(master.rootFolder().resolve("changing.txt"), "old");
    try (FileSystem fs = newFileSystem(Map.of())) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path("/changing.txt");
      assertThat(fs.getFileStatus(path).getLen()).isEqualTo(3);
      Files.writeString(file, "new and longer");
      counting.reset();

      assertThat(read(fs, path)).isEqualTo("new and longer");
      assertThat(counting.count(UfsOperation.OPEN)).isZero();
      assertThat(fs.getFileStatus(path).getLen()).isEqualTo(14);
    }
  }

  @Test
  void readThroughTheMasterWhenDirectReadsAreOff() throws IOException {
    Files.writeString(master.rootFolder().resolve("streamed.txt"), "through the master");
    try (FileSystem fs = newFileSystem(Map.of("metasync.user.file.read.direct", "false"))) {
      counting.reset();
      assertThat(read(fs, new org.apache.hadoop.fs.Path("/streamed.txt")))
          .isEqualTo("through the master");
      assertThat(counting.count(UfsOperation.OPEN)).isEqualTo(1);
    }
  }

  @Test
  void readFallsBackToTheMasterWhenTheUfsUriCannotBeOpened() throws IOException {
    Files.writeString(master.rootFolder().resolve("fallback.txt"), "fallback");
    // a UFS file system that always fails to start: the direct path cannot reach the UFS
    Map<String, String> settings =
        Map.of("fs.file.impl", "io.metasync.hadoop.MetasyncFileSystemTest$Unreachable");
    try (FileSystem fs = newFileSystem(settings)) {
      counting.reset();
      assertThat(read(fs, new org.apache.hadoop.fs.Path("/fallback.txt"))).isEqualTo("fallback");
      assertThat(counting.count(UfsOperation.OPEN)).isEqualTo(1);
    }
  }

  @Test
  void appendIsRefusedWithAClearMessage() throws IOException {
    try (FileSystem fs = newFileSystem(Map.of())) {
      assertThatThrownBy(() -> fs.append(new org.apache.hadoop.fs.Path("/x")))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("does not append");
    }
  }

  private static String read(FileSystem fs, org.apache.hadoop.fs.Path path) throws IOException {
    try (FSDataInputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A {@code file://} file system that cannot be initialized, as if the UFS were unreachable. */
  public static final class Unreachable extends org.apache.hadoop.fs.RawLocalFileSystem {
    @Override
    public void initialize(URI name, Configuration conf) throws IOException {
      throw new IOException("unreachable (test)");
    }
  }
}
