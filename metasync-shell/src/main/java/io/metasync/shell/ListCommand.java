package io.metasync.shell;

import io.metasync.client.CloseableIterator;
import io.metasync.client.FileStatus;
import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ls [-R] PATH}: one line per entry, printed as the master streams them. */
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

  @Override
  void execute(MetasyncClient client) {
    StatusFormat format = statusFormat();
    try (CloseableIterator<FileStatus> entries = client.listStatus(path, recursive)) {
      while (entries.hasNext()) {
        out().println(format.listLine(entries.next()));
      }
    }
  }
}
