package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.master.MasterProcess;
import io.metasync.master.ha.MasterGroup;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journal peers/add-peer/remove-peer} against a real three-master group, through a shell
 * that names a standby first (the client follows the leader).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalCommandTest {
  @TempDir static Path folder;
  private MasterGroup group;
  private int leader;
  private ShellRunner shell;

  @BeforeAll
  void startGroup() throws Exception {
    group = new MasterGroup(folder.resolve("group")).startAll();
    leader = group.awaitLeader();
    int standby = (leader + 1) % MasterGroup.SIZE;
    shell =
        new ShellRunner(
            folder.resolve("home"),
            "-Dmetasync.master.rpc.addresses="
                + group.rpcAddress(standby)
                + ","
                + group.rpcAddress(leader));
  }

  @AfterAll
  void stopGroup() throws Exception {
    group.close();
  }

  @Test
  void peersListsEveryPeerWithItsRoleAndTheLeadersIndexes() {
    ShellRunner.Result result = shell.run("journal", "peers");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<String> lines = result.outLines();
    assertThat(lines).hasSize(4);
    for (int member = 0; member < MasterGroup.SIZE; member++) {
      assertThat(lines.get(member))
          .startsWith("m" + (member + 1) + "  " + group.journalAddress(member) + "  ")
          .contains(member == leader ? "  leader  commit " : "  follower  commit ");
    }
    assertThat(lines.get(3)).startsWith("leader: commit index ").contains(", applied index ");
  }

  @Test
  void aMasterIsAddedAndRemovedWithTheCommands() throws Exception {
    int rpcPort = MasterGroup.freePort();
    int journalPort = MasterGroup.freePort();
    String joiner = "localhost:" + journalPort;
    try (MasterProcess started =
        MasterProcess.start(group.joinerConf("journal-shell-joiner", rpcPort, journalPort))) {
      ShellRunner.Result added = shell.run("journal", "add-peer", joiner);

      assertThat(added.exitCode()).as(added.toString()).isZero();
      assertThat(added.outLines().get(0)).isEqualTo("added " + joiner + " to the journal group:");
      assertThat(added.out()).contains("localhost_" + journalPort + "  " + joiner + "  follower");

      ShellRunner.Result removed = shell.run("journal", "remove-peer", joiner);

      assertThat(removed.exitCode()).as(removed.toString()).isZero();
      assertThat(removed.outLines().get(0))
          .isEqualTo(
              "removed "
                  + joiner
                  + " from the journal group; stop the master there (it takes no part any"
                  + " more):");
      assertThat(removed.out()).doesNotContain(joiner + "  ");
    }
    assertThat(shell.run("journal", "peers").outLines()).hasSize(4);
  }

  @Test
  void refusalsAreOneLineErrorsNamingTheAddress() throws Exception {
    int deadPort = MasterGroup.freePort();
    int follower = (leader + 1) % MasterGroup.SIZE;
    assertError(
        shell.run("journal", "add-peer", "localhost"),
        1,
        "Error: bad journal peer address 'localhost': expected HOST:PORT");
    assertError(
        shell.run("journal", "add-peer", group.journalAddress(follower)),
        1,
        "Error: cannot add " + group.journalAddress(follower) + " to the journal group: it is in");
    assertError(
        shell.run("journal", "add-peer", "localhost:" + deadPort),
        1,
        "Error: cannot add localhost:" + deadPort + " to the journal group: nothing answers there");
    assertError(
        shell.run("journal", "remove-peer", "localhost:" + deadPort),
        1,
        "Error: cannot remove localhost:" + deadPort + " from the journal group: no peer has");
    assertError(
        shell.run("journal", "remove-peer", group.journalAddress(leader)),
        1,
        "Error: cannot remove "
            + group.journalAddress(leader)
            + " from the journal group: it is the leader's own peer");
    assertError(shell.run("journal", "add-peer"), 2, "Missing required parameter: 'HOST:PORT'");
    assertError(
        shell.run("journal"), 2, "missing command; choose one of peers, add-peer, remove-peer");
  }

  private static void assertError(ShellRunner.Result result, int exitCode, String error) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
    assertThat(result.err()).as(result.toString()).contains(error);
    assertThat(result.err().lines().filter(line -> line.startsWith("Error:")).count())
        .as(result.toString())
        .isLessThanOrEqualTo(1);
  }
}
