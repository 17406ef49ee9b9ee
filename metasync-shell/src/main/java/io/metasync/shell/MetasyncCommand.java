package io.metasync.shell;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code metasync} command: a group of the master, fs, journal, format, dev-hdfs, dev-s3 and
 * hadoop-fs commands.
 */
@Command(
    name = "metasync",
    description = "A unified-namespace metadata layer over HDFS and local folders.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      MasterCommand.class,
      FsCommand.class,
      JournalCommand.class,
      FormatCommand.class,
      TokenCommand.class,
      DevHdfsCommand.class,
      DevS3Command.class,
      DevClusterCommand.class,
      HadoopFsCommand.class
    },
    footer = {
      "",
      "-Dkey=value anywhere on the command line overrides a key of"
          + " conf/metasync-site.properties, e.g. -Dmetasync.master.rpc.port=29998."
    })
final class MetasyncCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  private boolean help;

  @Spec private CommandSpec spec;

  private final ShellEnvironment environment;

  MetasyncCommand(ShellEnvironment environment) {
    this.environment = environment;
  }

  ShellEnvironment environment() {
    return environment;
  }

  @Override
  public Integer call() {
    throw missingCommand(spec);
  }

  /** The usage error of a command group run without one of its commands. */
  static ParameterException missingCommand(CommandSpec group) {
    return new ParameterException(
        group.commandLine(),
        "missing command; choose one of " + String.join(", ", group.subcommands().keySet()));
  }
}
