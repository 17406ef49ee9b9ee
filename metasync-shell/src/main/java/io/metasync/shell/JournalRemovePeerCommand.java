package io.metasync.shell;

import io.metasync.client.JournalAdminClient;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code journal remove-peer HOST:PORT}. */
@Command(
    name = "remove-peer",
    description = {
      "Remove a master from the running journal group (administrators only), then stop it.",
      "The leader's own peer is refused: stop that master first, then remove it."
    })
final class JournalRemovePeerCommand extends JournalCommand.Verb {
  @Parameters(
      index = "0",
      paramLabel = "HOST:PORT",
      description = "The journal peer to remove, as journal peers lists it.")
  private String address;

  @Override
  void execute(JournalAdminClient journal, PrintStream out) {
    var group = journal.remove(address);
    out.println(
        "removed "
            + address.strip()
            + " from the journal group; stop the master there (it takes no part any more):");
    JournalCommand.print(group, out);
  }
}
