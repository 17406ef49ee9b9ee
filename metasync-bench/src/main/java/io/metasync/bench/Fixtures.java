package io.metasync.bench;

import io.metasync.common.Ticker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The UFS trees every scenario reads, in one local folder that a master mounts at {@code /}: a
 * folder of {@code smallWidth} files, a folder of {@code wideWidth} files, and a tree of {@code
 * treeFolders} folders of {@code treeFiles} files each, and a folder of {@code emptyFolders} empty
 * folders. Created once per run (or reused from an earlier run in the same folder, when a marker
 * says they are complete and of the same sizes), never changed by a scenario.
 */
final class Fixtures {
  private static final String MARKER = "fixtures.complete";

  private final Path ufsRoot;
  private final int smallWidth;
  private final int wideWidth;
  private final int treeFolders;
  private final int treeFiles;
  private final int emptyFolders;
  private final Ticker ticker;
  private Duration creationTime = Duration.ZERO;
  private boolean reused;

  Fixtures(Path ufsRoot, int scale, Ticker ticker) {
    this.ufsRoot = ufsRoot;
    this.smallWidth = 1_000 / scale;
    this.wideWidth = 100_000 / scale;
    this.treeFolders = 1_000 / scale;
    this.treeFiles = 100;
    this.emptyFolders = 10_000 / scale;
    this.ticker = ticker;
  }

  /** Creates the trees unless a complete set of the same sizes is already there. */
  void prepare() throws IOException {
    Path marker = ufsRoot.getParent().resolve(MARKER);
    String spec =
        smallPath() + " " + widePath() + " " + treePath() + " " + emptyFoldersPath() + "\n";
    if (Files.exists(marker)
        && new String(Files.readAllBytes(marker), StandardCharsets.UTF_8).equals(spec)) {
      reused = true;
      Progress.log("fixtures: reusing %s (%,d files)", ufsRoot, fileCount());
      return;
    }
    Files.deleteIfExists(marker);
    if (Files.exists(ufsRoot)) {
      FolderDeletion.delete(ufsRoot);
    }
    long start = ticker.nanos();
    Files.createDirectories(ufsRoot);
    Progress.log(
        "fixtures: creating %,d files and %,d folders under %s",
        fileCount(), folderCount(), ufsRoot);
    createFolder(local(smallPath()), smallWidth);
    createFolder(local(widePath()), wideWidth);
    Path tree = Files.createDirectory(local(treePath()));
    for (int i = 0; i < treeFolders; i++) {
      createFolder(tree.resolve(folderName(i)), treeFiles);
      if ((i + 1) % (Math.max(1, treeFolders / 10)) == 0) {
        Progress.log("fixtures: tree %,d of %,d folders", i + 1, treeFolders);
      }
    }
    Path empty = Files.createDirectory(local(emptyFoldersPath()));
    for (int i = 0; i < emptyFolders; i++) {
      Files.createDirectory(empty.resolve(folderName(i)));
    }
    creationTime = Duration.ofNanos(ticker.nanos() - start);
    Files.write(marker, spec.getBytes(StandardCharsets.UTF_8));
    Progress.log("fixtures: created in %.1f s", creationTime.toMillis() / 1000.0);
  }

  private void createFolder(Path folder, int files) throws IOException {
    Files.createDirectory(folder);
    byte[] content = new byte[0];
    for (int i = 0; i < files; i++) {
      Files.write(folder.resolve(fileName(i)), content);
      if (files >= 10_000 && (i + 1) % (files / 10) == 0) {
        Progress.log("fixtures: %s %,d of %,d files", folder.getFileName(), i + 1, files);
      }
    }
  }

  static String fileName(int index) {
    return String.format("f%06d", index);
  }

  static String folderName(int index) {
    return String.format("d%04d", index);
  }

  Path ufsRoot() {
    return ufsRoot;
  }

  /** The local folder behind a namespace path such as {@code /tree-1000x100}. */
  Path local(String namespacePath) {
    return ufsRoot.resolve(namespacePath.substring(1));
  }

  String smallPath() {
    return "/wide-" + smallWidth;
  }

  String widePath() {
    return "/wide-" + wideWidth;
  }

  String treePath() {
    return "/tree-" + treeFolders + "x" + treeFiles;
  }

  /**
   * A folder of empty folders: syncing it fills the master's sync-path cache with a record each.
   */
  String emptyFoldersPath() {
    return "/folders-" + emptyFolders;
  }

  int emptyFolderCount() {
    return emptyFolders;
  }

  /** Where a scenario may create and delete files of its own; not part of the fixtures. */
  String scratchPath() {
    return "/scratch";
  }

  int smallWidth() {
    return smallWidth;
  }

  int wideWidth() {
    return wideWidth;
  }

  /** Entries below the tree's top: its folders and their files. */
  int treeEntries() {
    return treeFolders + treeFileCount();
  }

  int treeFileCount() {
    return treeFolders * treeFiles;
  }

  int fileCount() {
    return smallWidth + wideWidth + treeFolders * treeFiles;
  }

  int folderCount() {
    return treeFolders + emptyFolders;
  }

  Duration creationTime() {
    return creationTime;
  }

  boolean reused() {
    return reused;
  }
}
