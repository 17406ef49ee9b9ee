package io.metasync.shell;

import io.metasync.client.JournalAdminClient;
import io.metasync.client.JournalGroup;
import io.metasync.client.MetasyncClient;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The {@code journal} group: the masters' journal group (list its peers, add or remove one). */
@Command(
    name = "journal",
    description = {
      "The masters' journal group: list its peers, add a master to it or remove one, on the",
      "leader, without stopping the others. See docs/high-availability.md."
    },
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      JournalPeersCommand.class,
      JournalAddPeerCommand.class,
      JournalRemovePeerCommand.class
    })
final class JournalCommand implements Callable<Integer> {
  @ParentCommand private MetasyncCommand root;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    throw MetasyncCommand.missingCommand(spec);
  }

  /** The template of a journal verb: as {@link FsHandler}, for the journal's admin calls. */
  abstract static class Verb implements Callable<Integer> {
    @ParentCommand private JournalCommand group;

    @Override
    public final Integer call() {
      ShellEnvironment environment = group.root.environment();
      try (MetasyncClient client = MetasyncClient.connect(environment.configuration())) {
        execute(client.journalAdmin(), environment.out());
      }
      environment.out().flush();
      return 0;
    }

    /**
     * @throws io.metasync.common.MetasyncException when the master refuses
     */
    abstract void execute(JournalAdminClient journal, PrintStream out);
  }

  /** One line per peer, then the leader's indexes. */
  static void print(JournalGroup group, PrintStream out) {
    for (JournalGroup.Peer peer : group.peers()) {
      out.println(
          String.join(
              "  ",
              peer.id(),
              peer.address(),
              peer.role(),
              peer.commitIndex() < 0 ? "commit unknown" : "commit " + peer.commitIndex()));
    }
    out.println(
        "leader: commit index " + group.commitIndex() + ", applied index " + group.appliedIndex());
  }
}
