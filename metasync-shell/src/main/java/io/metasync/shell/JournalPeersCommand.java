package io.metasync.shell;

import io.metasync.client.JournalAdminClient;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** {@code journal peers}: the group's current configuration, one line per peer. */
@Command(
    name = "peers",
    description = {
      "List the journal group's peers as the leader knows them, one line per peer:",
      "id, journal host:port, role (leader, follower, listener), commit index."
    })
final class JournalPeersCommand extends JournalCommand.Verb {
  @Override
  void execute(JournalAdminClient journal, PrintStream out) {
    JournalCommand.print(journal.peers(), out);
  }
}
