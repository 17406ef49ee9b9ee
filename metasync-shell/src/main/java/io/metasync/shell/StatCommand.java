package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import io.metasync.client.PathConfClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code stat PATH}: every field of one status as {@code key: value} lines, then the sync interval
 * and load type in effect there and where each came from.
 */
@Command(
    name = "stat",
    description = "Show the status of a file or directory as 'key: value' lines.")
final class StatCommand extends FsHandler {
  @Parameters(paramLabel = "PATH", description = "Namespace path, such as /a/b.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    statusFormat().statLines(client.getStatus(path)).forEach(out()::println);
    // what a call like this one uses on the path, and where that came from
    client.pathConf().effective(path).forEach(setting -> out().println(effectiveLine(setting)));
  }

  /** "syncInterval: 0ms (path configuration at /hot)". */
  static String effectiveLine(PathConfClient.EffectiveSetting setting) {
    String name =
        switch (setting.key()) {
          case "metasync.user.file.metadata.sync.interval" -> "syncInterval";
          case "metasync.user.file.metadata.load.type" -> "loadType";
          default -> setting.key();
        };
    return name + ": " + setting.value() + " (" + setting.origin() + ")";
  }
}
