package io.metasync.shell;

import io.metasync.client.PathConfClient;
import io.metasync.common.PrintableNames;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pathConf list [PATH]}: one {@code PATH KEY=VALUE} line per key, in path order. */
@Command(
    name = "list",
    description = "List the path configuration of PATH (default /) and of every path below it.")
final class PathConfListCommand extends PathConfCommand.Verb {
  @Parameters(
      arity = "0..1",
      paramLabel = "PATH",
      description = "Namespace path, such as /a/b; / when absent.")
  private String path = "/";

  @Override
  void execute(PathConfClient pathConf, ShellEnvironment environment) {
    for (Map.Entry<String, Map<String, String>> entry : pathConf.list(path).entrySet()) {
      new TreeMap<>(entry.getValue())
          .forEach(
              (key, value) ->
                  environment
                      .out()
                      .println(PrintableNames.escape(entry.getKey()) + " " + key + "=" + value));
    }
  }
}
