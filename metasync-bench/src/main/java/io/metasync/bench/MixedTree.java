package io.metasync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tree of the mixed workload: {@code folders} folders of {@code filesPerFolder} small files,
 * and one empty folder per writing thread, in a local folder. Created once and kept.
 */
record MixedTree(Path ufsRoot, int folders, int filesPerFolder, int writers) {
  String path() {
    return "/mixed-" + folders + "x" + filesPerFolder;
  }

  String writerFolder(int thread) {
    return path() + "/writer-" + thread;
  }

  static String folderName(int index) {
    return String.format("d%04d", index);
  }

  static String fileName(int index) {
    return String.format("f%05d", index);
  }

  /** The local folder of a namespace-style path of this tree. */
  Path local(String path) {
    return ufsRoot.resolve(path.substring(1));
  }

  /** Creates the tree unless it is there; empties the writers' folders. */
  void prepare() throws IOException {
    Path top = local(path());
    Path marker = ufsRoot.resolve(top.getFileName() + ".complete");
    if (!Files.exists(marker)) {
      FolderDeletion.delete(top);
      for (int folder = 0; folder < folders; folder++) {
        Path dir = Files.createDirectories(top.resolve(folderName(folder)));
        for (int file = 0; file < filesPerFolder; file++) {
          Files.write(dir.resolve(fileName(file)), new byte[] {1});
        }
      }
      Files.writeString(marker, "complete\n");
    }
    for (int thread = 0; thread < writers; thread++) {
      Path writer = local(writerFolder(thread));
      FolderDeletion.delete(writer);
      Files.createDirectories(writer);
    }
  }
}
