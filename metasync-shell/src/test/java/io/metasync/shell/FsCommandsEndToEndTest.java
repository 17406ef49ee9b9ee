package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every writing and reading fs command through {@link Main#run}, against a real master. */
class FsCommandsEndToEndTest {
  private static final String TIME =
      "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d";

  @TempDir static Path folder;
  @TempDir Path local;
  private static RunningMaster master;

  @BeforeAll
  static void startMaster() {
    master = RunningMaster.start(folder);
  }

  @AfterAll
  static void stopMaster() {
    master.close();
  }

  @Test
  void mkdirCreatesTheFolderInTheUfsAndLsShowsIt() {
    master.succeed("fs", "mkdir", "/made");

    assertThat(master.ufsPath("/made")).isDirectory();
    assertThat(master.succeed("fs", "ls", "/").outLines())
        .anySatisfy(line -> assertThat(line).matches("drwx.*  /made"));
  }

  @Test
  void mkdirNeedsParentsUnlessDashP() {
    assertThat(master.fail("fs", "mkdir", "/deep/a/b")).contains("/deep");

    master.succeed("fs", "mkdir", "-p", "/deep/a/b");

    assertThat(master.ufsPath("/deep/a/b")).isDirectory();
  }

  @Test
  void lsLineHasModeOwnerGroupLengthTimeAndPath() throws IOException {
    master.succeed("fs", "mkdir", "/listed");
    Files.writeString(local.resolve("five.txt"), "12345");
    master.succeed("fs", "copyFromLocal", local.resolve("five.txt").toString(), "/listed/five.txt");
    Path ufsFile = master.ufsPath("/listed/five.txt");
    Files.setPosixFilePermissions(ufsFile, PosixFilePermissions.fromString("rw-r--r--"));
    master.succeed("fs", "chmod", "644", "/listed/five.txt");

    List<String> lines = master.succeed("fs", "ls", "/listed").outLines();

    String expectedTime =
        new StatusFormat(ZoneId.systemDefault())
            .time(Files.getLastModifiedTime(ufsFile).toMillis());
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .matches("-rw-r--r--  \\S+  \\S+  5  " + TIME + "  /listed/five.txt")
        .contains("  " + expectedTime + "  ");
  }

  @Test
  void lsFlushesItsFirstLineBeforeTheRestOfAWideFolder() throws IOException {
    Path wide = Files.createDirectories(master.ufsPath("/wide"));
    for (int i = 0; i < 3_000; i++) {
      Files.createFile(wide.resolve(String.format("f%05d", i)));
    }
    List<String> flushed = new ArrayList<>();
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream() {
          @Override
          public void flush() {
            flushed.add(toString(StandardCharsets.UTF_8));
          }
        };
    PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    int exitCode =
        Main.run(
            new String[] {
              "fs",
              "ls",
              "/wide",
              // the root's children were loaded by earlier tests: sync to see the new folder
              "-Dmetasync.user.file.metadata.sync.interval=0",
              "-Dmetasync.home=" + master.home(),
              "-Dmetasync.master.rpc.port=" + master.master().rpcPort()
            },
            out,
            err);

    assertThat(exitCode).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(flushed.get(0).lines()).hasSize(1).allMatch(line -> line.endsWith("/wide/f00000"));
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(3_000);
  }

  @Test
  void lsOfAFilePrintsThatFile() {
    master.succeed("fs", "mkdir", "/single");
    master.succeed("fs", "touch", "/single/only");

    assertThat(master.succeed("fs", "ls", "/single/only").outLines())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("-").endsWith("  /single/only"));
  }

  @Test
  void lsRecursivePrintsEveryEntryBelowButNotThePathItself() {
    master.succeed("fs", "mkdir", "-p", "/tree/a/b");
    master.succeed("fs", "touch", "/tree/a/b/leaf");
    master.succeed("fs", "touch", "/tree/top");

    List<String> paths =
        master.succeed("fs", "ls", "-R", "/tree").outLines().stream()
            .map(line -> line.substring(line.lastIndexOf("  ") + 2))
            .toList();

    assertThat(paths)
        .containsExactlyInAnyOrder("/tree/a", "/tree/a/b", "/tree/a/b/leaf", "/tree/top");
  }

  @Test
  void statShowsEveryKey() {
    master.succeed("fs", "mkdir", "/stated");
    master.succeed("fs", "touch", "/stated/empty");

    List<String> lines = master.succeed("fs", "stat", "/stated/empty").outLines();

    assertThat(lines)
        .extracting(line -> line.substring(0, line.indexOf(':')))
        .containsExactly(
            "path",
            "type",
            "length",
            "lastModified",
            "owner",
            "group",
            "mode",
            "permission",
            "ufsUri",
            "lastSynced",
            "mountPoint",
            "syncInterval",
            "loadType");
    assertThat(lines)
        .contains("path: /stated/empty", "type: FILE", "length: 0", "mountPoint: false")
        .contains("ufsUri: " + master.ufsPath("/stated/empty").toUri())
        .anySatisfy(line -> assertThat(line).matches("lastModified: " + TIME))
        .anySatisfy(line -> assertThat(line).matches("mode: 0[0-7]{3}"));
  }

  @Test
  void statOfTheRootSaysItIsAMountPoint() {
    assertThat(master.succeed("fs", "stat", "/").outLines())
        .contains("path: /", "type: DIRECTORY", "mountPoint: true");
  }

  @Test
  void statOfAMissingPathNamesIt() {
    assertThat(master.fail("fs", "stat", "/nowhere")).startsWith("Error: /nowhere does not exist");
  }

  @Test
  void touchCreatesAnEmptyFileAndRefusesAnExistingOne() {
    master.succeed("fs", "mkdir", "/touched");
    master.succeed("fs", "touch", "/touched/f");

    assertThat(master.ufsPath("/touched/f")).isEmptyFile();
    assertThat(master.fail("fs", "touch", "/touched/f")).contains("/touched/f");
  }

  @Test
  void copyFromLocalThenCatGivesBackEveryByte() throws IOException {
    byte[] content = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(content);
    Files.write(local.resolve("big.bin"), content);
    master.succeed("fs", "mkdir", "/copied");

    master.succeed("fs", "copyFromLocal", local.resolve("big.bin").toString(), "/copied/big.bin");

    assertThat(master.ufsPath("/copied/big.bin")).hasBinaryContent(content);
    assertThat(master.succeed("fs", "cat", "/copied/big.bin").outBytes()).isEqualTo(content);
  }

  @Test
  void copyFromLocalIntoAFolderKeepsTheName() throws IOException {
    Files.writeString(local.resolve("named.txt"), "hello");
    master.succeed("fs", "mkdir", "/into");

    master.succeed("fs", "copyFromLocal", local.resolve("named.txt").toString(), "/into");

    assertThat(master.ufsPath("/into/named.txt")).hasContent("hello");
  }

  @Test
  void copyToLocalWritesANewFileAndNeverOverwrites() throws IOException {
    master.succeed("fs", "mkdir", "/outof");
    Files.writeString(local.resolve("source.txt"), "payload");
    master.succeed("fs", "copyFromLocal", local.resolve("source.txt").toString(), "/outof/f.txt");
    Path target = local.resolve("copy.txt");

    master.succeed("fs", "copyToLocal", "/outof/f.txt", target.toString());
    master.succeed("fs", "copyToLocal", "/outof/f.txt", local.toString());

    assertThat(target).hasContent("payload");
    assertThat(local.resolve("f.txt")).hasContent("payload");
    assertThat(master.fail("fs", "copyToLocal", "/outof/f.txt", target.toString()))
        .isEqualTo("Error: local file " + target + " already exists");
  }

  @Test
  void copyToLocalOfAMissingFileLeavesNoLocalFile() {
    Path target = local.resolve("never.txt");

    assertThat(master.fail("fs", "copyToLocal", "/nothing-here", target.toString()))
        .startsWith("Error: /nothing-here does not exist");
    assertThat(target).doesNotExist();
  }

  @Test
  void catOfAFolderFails() {
    master.succeed("fs", "mkdir", "/a-folder");

    assertThat(master.fail("fs", "cat", "/a-folder")).contains("/a-folder");
  }

  @Test
  void rmDeletesFilesAndNeedsDashRForAFullFolder() {
    master.succeed("fs", "mkdir", "-p", "/removed/sub");
    master.succeed("fs", "touch", "/removed/sub/f");
    master.succeed("fs", "touch", "/removed/g");

    master.succeed("fs", "rm", "/removed/g");
    assertThat(master.fail("fs", "rm", "/removed/sub")).contains("/removed/sub");
    master.succeed("fs", "rm", "-R", "/removed");

    assertThat(master.ufsPath("/removed")).doesNotExist();
    assertThat(master.fail("fs", "ls", "/removed")).startsWith("Error: /removed does not exist");
  }

  @Test
  void mvRenamesInTheUfs() {
    master.succeed("fs", "mkdir", "/moved");
    master.succeed("fs", "touch", "/moved/old");

    master.succeed("fs", "mv", "/moved/old", "/moved/new");

    assertThat(master.ufsPath("/moved/old")).doesNotExist();
    assertThat(master.ufsPath("/moved/new")).exists();
    assertThat(master.succeed("fs", "ls", "/moved").out()).endsWith("  /moved/new\n");
  }

  @Test
  void mvIntoAnExistingFolderKeepsTheName() {
    master.succeed("fs", "mkdir", "-p", "/moving/target");
    master.succeed("fs", "touch", "/moving/f");

    master.succeed("fs", "mv", "/moving/f", "/moving/target/");

    assertThat(master.ufsPath("/moving/target/f")).exists();
    assertThat(master.ufsPath("/moving/f")).doesNotExist();
  }

  @Test
  void chmodSetsTheModeInTheCacheAndTheUfs() throws IOException {
    master.succeed("fs", "mkdir", "/modes");
    master.succeed("fs", "touch", "/modes/f");

    master.succeed("fs", "chmod", "0640", "/modes/f");

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(master.ufsPath("/modes/f"))))
        .isEqualTo("rw-r-----");
    assertThat(master.succeed("fs", "stat", "/modes/f").outLines())
        .contains("mode: 0640", "permission: -rw-r-----");
  }

  @Test
  void chownSetsOwnerAndGroup() throws IOException {
    master.succeed("fs", "mkdir", "/owned");
    master.succeed("fs", "touch", "/owned/f");
    Path ufsFile = master.ufsPath("/owned/f");
    String owner = Files.getOwner(ufsFile).getName();
    String group =
        Files.readAttributes(ufsFile, java.nio.file.attribute.PosixFileAttributes.class)
            .group()
            .getName();

    master.succeed("fs", "chown", owner + ":" + group, "/owned/f");
    master.succeed("fs", "chown", owner, "/owned/f");

    assertThat(master.succeed("fs", "stat", "/owned/f").outLines())
        .contains("owner: " + owner, "group: " + group);
  }

  @Test
  void chownToAnUnknownUserFailsNamingIt() {
    master.succeed("fs", "mkdir", "/unowned");
    master.succeed("fs", "touch", "/unowned/f");

    assertThat(master.fail("fs", "chown", "no-such-user-xyz", "/unowned/f"))
        .contains("no-such-user-xyz");
  }

  @Test
  void mkdirPOfA5500CharacterPathIsOneLineAndCreatesNothing() throws IOException {
    master.succeed("fs", "mkdir", "/deep");
    String path = "/deep" + "/abcdefghi".repeat(550);

    String error = master.fail("fs", "mkdir", "-p", path);

    assertThat(error)
        .startsWith("Error: " + path.substring(0, 100) + "... (5,505 characters) (UFS file:")
        .contains(" is too long for the UFS: its local path would have ")
        .endsWith(" Linux allows; use a shorter path")
        .hasSizeLessThan(600);
    try (Stream<Path> created = Files.list(master.ufsPath("/deep"))) {
      assertThat(created).isEmpty();
    }
  }
}
