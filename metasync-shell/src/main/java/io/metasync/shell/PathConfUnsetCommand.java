package io.metasync.shell;

import io.metasync.client.PathConfClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pathConf unset PATH KEY...}. */
@Command(
    name = "unset",
    description = "Remove client-side keys from a path's configuration (administrators only).")
final class PathConfUnsetCommand extends PathConfCommand.Verb {
  @Parameters(index = "0", paramLabel = "PATH", description = "Namespace path, such as /a/b.")
  private String path;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "KEY",
      description = "A key the path sets, such as metasync.user.file.metadata.sync.interval.")
  private List<String> keys;

  @Override
  void execute(PathConfClient pathConf, ShellEnvironment environment) {
    pathConf.unset(path, keys);
  }
}
