package io.metasync.shell;

import io.metasync.client.JournalAdminClient;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code journal add-peer HOST:PORT}. */
@Command(
    name = "add-peer",
    description = {
      "Add a master to the running journal group (administrators only). Start it first with",
      "metasync.master.journal.join=true; returns once it has caught up with the leader."
    })
final class JournalAddPeerCommand extends JournalCommand.Verb {
  @Parameters(
      index = "0",
      paramLabel = "HOST:PORT",
      description = "The new master's journal peer (its hostname and journal port).")
  private String address;

  @Override
  void execute(JournalAdminClient journal, PrintStream out) {
    var group = journal.add(address);
    out.println("added " + address.strip() + " to the journal group:");
    JournalCommand.print(group, out);
  }
}
