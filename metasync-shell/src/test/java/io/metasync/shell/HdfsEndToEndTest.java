package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.ufs.hdfs.MiniHdfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real master with HDFS mounts from a MiniDFSCluster, driven through the command line. */
class HdfsEndToEndTest {
  private static final String SYNC_NOW = "-Dmetasync.user.file.metadata.sync.interval=0";

  @TempDir static Path folder;
  @TempDir Path local;
  private static MiniHdfs hdfs;
  private static RunningMaster master;

  @BeforeAll
  static void start() throws IOException {
    hdfs = MiniHdfs.start(folder.resolve("hdfs"));
    master = RunningMaster.start(Files.createDirectories(folder.resolve("master")));
  }

  @AfterAll
  static void stop() {
    if (master != null) {
      master.close();
    }
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  void everyFsCommandWorksOnAnHdfsMount() throws IOException {
    mkdirs("/all");
    Path upload = Files.writeString(local.resolve("upload.txt"), "uploaded bytes");
    String user = System.getProperty("user.name");

    master.succeed("fs", "mount", "/all", hdfs.uri("/all").toString());
    master.succeed("fs", "mkdir", "-p", "/all/a/b");
    master.succeed("fs", "touch", "/all/a/empty");
    master.succeed("fs", "copyFromLocal", upload.toString(), "/all/a/b/f.txt");
    master.succeed("fs", "mv", "/all/a/b/f.txt", "/all/a/g.txt");
    master.succeed("fs", "chmod", "600", "/all/a/g.txt");
    master.succeed("fs", "chown", user, "/all/a/g.txt");

    assertThat(master.succeed("fs", "cat", "/all/a/g.txt").out()).isEqualTo("uploaded bytes");
    assertThat(lastFields(master.succeed("fs", "ls", "-R", "/all").outLines()))
        .containsExactly("/all/a", "/all/a/b", "/all/a/empty", "/all/a/g.txt");
    assertThat(master.succeed("fs", "stat", "/all/a/g.txt").outLines())
        .contains(
            "type: FILE",
            "length: 14",
            "mode: 0600",
            "owner: " + user,
            "ufsUri: " + hdfs.uri("/all/a/g.txt"));
    master.succeed("fs", "copyToLocal", "/all/a/g.txt", local.resolve("copy.txt").toString());
    assertThat(local.resolve("copy.txt")).hasContent("uploaded bytes");
    // A write derives its folder's new time instead of reading it back (one UFS call per write);
    // a sync with interval 0 takes the NameNode's own times (invariant 4).
    assertThat(
            master
                .succeed(
                    "fs",
                    "loadMetadata",
                    "-R",
                    "/all",
                    "-Dmetasync.user.file.metadata.sync.interval=0")
                .out())
        .startsWith("loaded /all");
    master.succeed("fs", "checkConsistency", "-R", "/all");
    assertThat(master.succeed("fs", "mountTable").out()).contains("/all  " + hdfs.uri("/all"));

    FileStatus written = client().getFileStatus(new org.apache.hadoop.fs.Path("/all/a/g.txt"));
    assertThat(written.getLen()).isEqualTo(14);
    assertThat(written.getPermission()).isEqualTo(new FsPermission((short) 0600));

    master.succeed("fs", "rm", "-R", "/all/a");
    assertThat(client().exists(new org.apache.hadoop.fs.Path("/all/a"))).isFalse();
    master.succeed("fs", "unmount", "/all");
    assertThat(client().exists(new org.apache.hadoop.fs.Path("/all"))).isTrue();
  }

  @Test
  void changesMadeWithHadoopFsAreHiddenByDefaultAndSeenWithIntervalZero() throws IOException {
    mkdirs("/behind");
    write("/behind/old.txt", "old");
    write("/behind/moved.txt", "moved");
    master.succeed("fs", "mount", "/behind", hdfs.uri("/behind").toString());
    assertThat(lastFields(master.succeed("fs", "ls", "/behind").outLines()))
        .containsExactly("/behind/moved.txt", "/behind/old.txt");

    hadoopFs("-touchz", hdfs.uri("/behind/new.txt").toString());
    hadoopFs("-rm", hdfs.uri("/behind/old.txt").toString());
    hadoopFs(
        "-mv",
        hdfs.uri("/behind/moved.txt").toString(),
        hdfs.uri("/behind/renamed.txt").toString());
    hadoopFs("-chmod", "700", hdfs.uri("/behind/renamed.txt").toString());

    assertThat(lastFields(master.succeed("fs", "ls", "/behind").outLines()))
        .containsExactly("/behind/moved.txt", "/behind/old.txt");
    List<String> synced = master.succeed("fs", "ls", SYNC_NOW, "/behind").outLines();
    assertThat(lastFields(synced)).containsExactly("/behind/new.txt", "/behind/renamed.txt");
    assertThat(synced.get(1)).startsWith("-rwx------");
    assertThat(lastFields(master.succeed("fs", "ls", "/behind").outLines()))
        .containsExactly("/behind/new.txt", "/behind/renamed.txt");
    master.succeed("fs", "unmount", "/behind");
  }

  @Test
  void hadoopFsKeepsFsShellsExitCode() {
    ShellRunner.Result missing = master.run("hadoop-fs", "-ls", hdfs.uri("/no-such").toString());

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("No such file or directory");
  }

  @Test
  void mountOfAMissingFolderOrAnUnreachableNameNodeIsRefusedClearly() {
    assertThat(master.fail("fs", "mount", "/missing", hdfs.uri("/no/such").toString()))
        .contains(hdfs.uri("/no/such").toString())
        .contains("does not exist");
    assertThat(master.fail("fs", "mount", "/unreachable", "hdfs://localhost:1/data"))
        .isEqualTo(
            "Error: cannot mount hdfs://localhost:1/data: nothing answers at localhost:1"
                + " (connection refused); check the host and port, and that the NameNode runs");
  }

  @Test
  void whileTheNameNodeIsDownCachedAnswersStayAndSyncsFailUntilItIsBack() throws IOException {
    mkdirs("/outage");
    write("/outage/kept.txt", "kept");
    master.succeed("fs", "mount", "/outage", hdfs.uri("/outage").toString());
    master.succeed("fs", "ls", "/outage");

    hdfs.stopNameNode();
    try {
      Instant start = Instant.now();
      assertThat(master.fail("fs", "stat", SYNC_NOW, "/outage/kept.txt"))
          .contains("/outage/kept.txt")
          .contains(hdfs.uri("/outage/kept.txt").toString());
      assertThat(master.fail("fs", "ls", SYNC_NOW, "/outage")).contains("/outage");
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));

      assertThat(lastFields(master.succeed("fs", "ls", "/outage").outLines()))
          .containsExactly("/outage/kept.txt");
      assertThat(master.succeed("fs", "stat", "/outage/kept.txt").outLines()).contains("length: 4");
    } finally {
      hdfs.startNameNode();
    }

    write("/outage/after.txt", "after");
    assertThat(lastFields(master.succeed("fs", "ls", SYNC_NOW, "/outage").outLines()))
        .containsExactly("/outage/after.txt", "/outage/kept.txt");
    master.succeed("fs", "unmount", "/outage");
  }

  private static void hadoopFs(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "hadoop-fs";
    System.arraycopy(args, 0, command, 1, args.length);
    ShellRunner.Result result = master.run(command);
    assertThat(result.exitCode()).as("%s", result).isZero();
  }

  private static DistributedFileSystem client() throws IOException {
    return hdfs.client();
  }

  private static void mkdirs(String path) throws IOException {
    client().mkdirs(new org.apache.hadoop.fs.Path(path));
  }

  private static void write(String path, String content) throws IOException {
    try (OutputStream out = client().create(new org.apache.hadoop.fs.Path(path))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The paths of ls lines: the last field, after the time. */
  private static List<String> lastFields(List<String> lines) {
    return lines.stream().map(line -> line.substring(line.indexOf(" /") + 1)).toList();
  }
}
