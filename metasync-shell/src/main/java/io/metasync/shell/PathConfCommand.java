package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import io.metasync.client.PathConfClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The {@code fs pathConf} group: client-side keys set on a path (set, list, unset). */
@Command(
    name = "pathConf",
    description = {
      "Set, list or unset client-side keys on a path: calls on it and below it use them unless",
      "they set the key themselves (-D); the deepest configured path wins."
    },
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {PathConfSetCommand.class, PathConfListCommand.class, PathConfUnsetCommand.class})
final class PathConfCommand implements Callable<Integer> {
  @ParentCommand private FsCommand fs;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    throw MetasyncCommand.missingCommand(spec);
  }

  /** The template of a pathConf verb: as {@link FsHandler}, one level deeper. */
  abstract static class Verb implements Callable<Integer> {
    @ParentCommand private PathConfCommand group;

    @Override
    public final Integer call() {
      ShellEnvironment environment = group.fs.environment();
      try (MetasyncClient client = MetasyncClient.connect(environment.configuration())) {
        execute(client.pathConf(), environment);
      }
      environment.out().flush();
      return 0;
    }

    /**
     * @throws io.metasync.common.MetasyncException when the master refuses
     */
    abstract void execute(PathConfClient pathConf, ShellEnvironment environment);
  }
}
