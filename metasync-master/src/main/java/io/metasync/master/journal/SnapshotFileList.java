package io.metasync.master.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;

/**
 * Every file of a journal snapshot, as Ratis sends them to a follower: the snapshot file (with the
 * MD5 of its .md5 file) and each file of its files folder (the RocksDB checkpoint). Ratis computes
 * the MD5 of each file while it sends it and the follower checks it, so the checkpoint's files need
 * none here. The list of the newest snapshot is kept, since Ratis asks for it on every heartbeat to
 * a lagging follower.
 */
final class SnapshotFileList {
  /** MD5 files that a follower's Ratis writes beside each file it received: not snapshot files. */
  private static final String MD5_SUFFIX = ".md5";

  private SnapshotInfo cached;

  synchronized SnapshotInfo of(SingleFileSnapshotInfo snapshot) throws IOException {
    if (cached != null && cached.getTermIndex().equals(snapshot.getTermIndex())) {
      return cached;
    }
    Path file = snapshot.getFile().getPath();
    List<FileInfo> files = new ArrayList<>();
    files.add(snapshot.getFile());
    Path folder = JournalStateMachine.filesFolder(file);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> all = Files.walk(folder)) {
        all.filter(Files::isRegularFile)
            .filter(path -> !path.getFileName().toString().endsWith(MD5_SUFFIX))
            .sorted()
            .forEach(path -> files.add(new FileInfo(path, null)));
      }
    }
    cached = new FileListSnapshotInfo(files, snapshot.getTermIndex());
    return cached;
  }
}
