package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import io.metasync.client.SyncPointInfo;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code getSyncPathList}: one sync point per line. */
@Command(
    name = "getSyncPathList",
    description = {
      "List the sync points, one per line: path, state (initial-sync, syncing, idle, feed-failing,",
      "sync-failing), the start time of the last sync (or never), then pending=N (paths waiting;",
      "all: the whole folder), activity=A, age=G (intervals waited) and listed=L (UFS entries",
      "listed by the running sync, or by the last one when idle), separated by two spaces. A",
      "failing sync point adds failures=N (failed attempts), since=TIME and cause=WORDS."
    })
final class GetSyncPathListCommand extends FsHandler {
  @Override
  void execute(MetasyncClient client) {
    StatusFormat format = statusFormat();
    client.syncPathList().forEach(point -> out().println(line(point, format)));
  }

  static String line(SyncPointInfo point, StatusFormat format) {
    String line =
        String.join(
            "  ",
            point.path(),
            point.state().toLowerCase(Locale.ROOT).replace('_', '-'),
            point.lastSyncMs() == 0 ? "never" : format.time(point.lastSyncMs()),
            "pending="
                + (point.pendingChanges() < 0 ? "all" : String.valueOf(point.pendingChanges())),
            "activity=" + point.activity(),
            "age=" + point.age(),
            "listed=" + point.listedEntries());
    if (point.failures() == 0) {
      return line;
    }
    // last, because the cause is words with spaces
    return String.join(
        "  ",
        line,
        "failures=" + point.failures(),
        "since=" + format.time(point.failingSinceMs()),
        "cause=" + point.failure());
  }
}
