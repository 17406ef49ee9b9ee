package io.metasync.shell;

import io.metasync.client.CloseableIterator;
import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import io.metasync.client.Progress;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ls [-R] PATH}: one line per entry, printed as the master streams them: the output is
 * flushed after the first line and then at least every {@link #FLUSH_PERIOD_MS}, so a reader (or
 * {@code | head}) sees a wide folder's first entries long before its last is read. {@code -R} shows
 * progress on stderr to a person at a terminal.
 */
@Command(
    name = "ls",
    description = {
      "List a directory (or show one file) as: mode, owner, group, length, modification time, path.",
      "Fields are separated by two spaces; the path is last."
    })
final class ListCommand extends FsHandler {
  @Option(names = "-R", description = "List the whole subtree, not only the children.")
  private boolean recursive;

  @Parameters(paramLabel = "PATH", description = "Namespace path, such as /a/b.")
  private String path;

  private static final long FLUSH_PERIOD_MS = 200;

  @Override
  void execute(MetasyncClient client) {
    StatusFormat format = statusFormat();
    Clock clock = environment().clock();
    ProgressPrinter progress = new ProgressPrinter("listing " + path, environment());
    long startMs = clock.millis();
    long lastFlushMs = startMs - FLUSH_PERIOD_MS; // the first line is flushed at once
    long folders = 0;
    long files = 0;
    try (CloseableIterator<FileStatus> entries = client.listStatus(path, recursive)) {
      while (entries.hasNext()) {
        FileStatus entry = entries.next();
        out().println(format.listLine(entry));
        if (entry.isDirectory()) {
          folders++;
        } else {
          files++;
        }
        long now = clock.millis();
        if (now - lastFlushMs >= FLUSH_PERIOD_MS) {
          out().flush();
          lastFlushMs = now;
          if (recursive) {
            progress.accept(new Progress(folders, files, now - startMs, false));
          }
        }
      }
    }
  }
}
