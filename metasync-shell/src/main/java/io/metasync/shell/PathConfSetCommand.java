package io.metasync.shell;

import io.metasync.client.PathConfClient;
import io.metasync.common.MetasyncException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pathConf set PATH KEY=VALUE...}. */
@Command(
    name = "set",
    description = {
      "Set client-side keys on a path (administrators only); its other keys stay.",
      "Keys: metasync.user.file.metadata.sync.interval, metasync.user.file.metadata.load.type."
    })
final class PathConfSetCommand extends PathConfCommand.Verb {
  @Parameters(index = "0", paramLabel = "PATH", description = "Namespace path, such as /a/b.")
  private String path;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "KEY=VALUE",
      description = "A key and its value, such as metasync.user.file.metadata.sync.interval=0.")
  private List<String> settings;

  @Override
  void execute(PathConfClient pathConf, ShellEnvironment environment) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String setting : settings) {
      int equals = setting.indexOf('=');
      if (equals <= 0) {
        throw MetasyncException.invalidArgument(
            "'"
                + setting
                + "' is not KEY=VALUE; write for example"
                + " metasync.user.file.metadata.sync.interval=30s");
      }
      properties.put(setting.substring(0, equals).strip(), setting.substring(equals + 1));
    }
    pathConf.set(path, properties);
  }
}
