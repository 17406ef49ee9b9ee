package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.master.ha.MasterGroup;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fs masterInfo} against a real three-master group and an address where nobody listens. */
class MasterInfoCommandTest {
  @TempDir Path folder;

  @Test
  void printsOneLinePerMasterWithItsRoleAndTheLeader() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    try (MasterGroup group = new MasterGroup(folder.resolve("group")).startAll()) {
      int leader = group.awaitLeaderKnownToAll();
      String addresses =
          String.join(
              ",",
              group.rpcAddress(0),
              group.rpcAddress(1),
              group.rpcAddress(2),
              "localhost:" + deadPort);
      ShellRunner.Result result =
          new ShellRunner(folder.resolve("home"), "-Dmetasync.master.rpc.addresses=" + addresses)
              .run("fs", "masterInfo");

      assertThat(result.exitCode()).as(result.err()).isZero();
      List<String> lines = result.out().lines().toList();
      assertThat(lines).hasSize(4);
      String leaderLine = "leader m" + (leader + 1) + " " + group.rpcAddress(leader);
      assertThat(lines.get(leader))
          .startsWith(group.rpcAddress(leader) + "  m" + (leader + 1) + "  leader  term ")
          .endsWith(leaderLine);
      for (int member = 0; member < MasterGroup.SIZE; member++) {
        if (member != leader) {
          assertThat(lines.get(member))
              .startsWith(group.rpcAddress(member) + "  m" + (member + 1) + "  standby  term ")
              .endsWith(leaderLine);
        }
      }
      assertThat(lines.get(3)).startsWith("localhost:" + deadPort + "  unreachable: ");
    }
  }
}
