package io.metasync.shell;

import io.metasync.client.ClientIdentity;
import io.metasync.client.ClientTls;
import io.metasync.client.MasterStatus;
import io.metasync.client.MasterStatuses;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code masterInfo}: where each master of the group stands, one line per master. */
@Command(
    name = "masterInfo",
    description = {
      "Ask every master in metasync.master.rpc.addresses (or the one master) where it stands,",
      "one line per master: address, peer id, role, term, applied index, leader.",
      "Exits 0 when a master leads, 1 when none does."
    })
final class MasterInfoCommand implements Callable<Integer> {
  @ParentCommand private FsCommand fs;

  @Override
  public Integer call() {
    ShellEnvironment environment = fs.environment();
    MetasyncConfiguration conf = environment.configuration();
    PrintStream out = environment.out();
    ClientIdentity identity = ClientIdentity.from(conf);
    ClientTls tls = ClientTls.from(conf);
    boolean led = false;
    for (String address : addresses(conf)) {
      int colon = address.lastIndexOf(':');
      try {
        MasterStatus status =
            MasterStatuses.of(
                address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1)),
                identity,
                tls);
        led |= status.role().equals("leader");
        out.println(line(address, status));
      } catch (MetasyncException e) {
        out.println(address + "  unreachable: " + e.getMessage());
      }
    }
    out.flush();
    if (!led) {
      environment
          .err()
          .println(
              "Error: no master leads: start a majority of the masters, or wait for the election"
                  + " to end");
      return 1;
    }
    return 0;
  }

  static String line(String address, MasterStatus status) {
    String leader =
        status.leaderPeerId().isEmpty()
            ? "leader unknown"
            : "leader "
                + status.leaderPeerId()
                + (status.leaderRpcAddress().isEmpty() ? "" : " " + status.leaderRpcAddress());
    return String.join(
        "  ",
        address,
        status.peerId(),
        status.role(),
        "term " + status.term(),
        "applied " + status.appliedIndex(),
        leader);
  }

  private static List<String> addresses(MetasyncConfiguration conf) {
    String listed = conf.get(PropertyKey.MASTER_RPC_ADDRESSES);
    List<String> addresses = new ArrayList<>();
    if (listed.isBlank()) {
      addresses.add(
          conf.get(PropertyKey.MASTER_HOSTNAME) + ":" + conf.getInt(PropertyKey.MASTER_RPC_PORT));
    } else {
      for (String address : listed.split(",")) {
        String trimmed = address.strip();
        if (!trimmed.matches(".+:[0-9]{1,5}")) {
          throw MetasyncException.invalidArgument(
              "bad address '"
                  + trimmed
                  + "' in "
                  + PropertyKey.MASTER_RPC_ADDRESSES.key()
                  + ": expected host:port, comma-separated");
        }
        addresses.add(trimmed);
      }
    }
    return addresses;
  }
}
