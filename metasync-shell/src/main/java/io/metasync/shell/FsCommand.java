package io.metasync.shell;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The {@code fs} group: one handler class per verb, each talking to the master. */
@Command(
    name = "fs",
    description = "Talk to the master: list, read, write, mount and sync the namespace.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      ListCommand.class,
      StatCommand.class,
      MkdirCommand.class,
      TouchCommand.class,
      RemoveCommand.class,
      MoveCommand.class,
      CatCommand.class,
      CopyFromLocalCommand.class,
      CopyToLocalCommand.class,
      ChmodCommand.class,
      ChownCommand.class,
      MountCommand.class,
      UnmountCommand.class,
      MountTableCommand.class,
      LoadMetadataCommand.class,
      CheckConsistencyCommand.class,
      StartSyncCommand.class,
      StopSyncCommand.class,
      GetSyncPathListCommand.class,
      MasterInfoCommand.class,
      PathConfCommand.class,
      WatchCommand.class
    })
final class FsCommand implements Callable<Integer> {
  @ParentCommand private MetasyncCommand root;

  @Spec private CommandSpec spec;

  ShellEnvironment environment() {
    return root.environment();
  }

  @Override
  public Integer call() {
    throw MetasyncCommand.missingCommand(spec);
  }
}
