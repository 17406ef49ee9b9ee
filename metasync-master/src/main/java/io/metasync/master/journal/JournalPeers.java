package io.metasync.master.journal;

import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * The journal's Ratis group as configuration describes it: every master's peer address, in the
 * order of {@code metasync.master.journal.peers}, and which of them this master is.
 *
 * <p>A peer's id is its position in the list ({@code m1}, {@code m2}, ...), not its address: Ratis
 * stores the group's peers in its log, so an id that followed the address would lock a master out
 * of its own journal after a port change. Every master must therefore list the peers in the same
 * order.
 *
 * <p>A master that joins a running group ({@code metasync.master.journal.join}) is the exception:
 * its place in the list means nothing to the group, which has changed since it was formed, so its
 * id follows its address ({@code host_port}, see {@link #joinerId}) and the leader that adds it
 * computes the same id from the same address.
 *
 * @param joins whether this master joins a running group: it starts with no peers, never calls an
 *     election, and waits for the leader to add it
 */
record JournalPeers(
    List<RaftPeer> peers, RaftPeerId self, String selfHost, int selfPort, boolean joins) {
  /** Fixed for every metasync journal: one group per namespace (until the namespace is split). */
  static final RaftGroupId GROUP_ID =
      RaftGroupId.valueOf(UUID.fromString("6d657461-7379-6e63-6a6f-75726e616c31"));

  JournalPeers {
    peers = List.copyOf(peers);
    requireNonNull(self, "self is null");
    requireNonNull(selfHost, "selfHost is null");
  }

  /**
   * The group this master starts with. A joining master starts with no peers: Ratis then keeps it
   * waiting, without elections, until a leader's configuration names it. Once a master has a log,
   * the configuration in its log wins over this one.
   */
  RaftGroup group() {
    return joins ? RaftGroup.valueOf(GROUP_ID, List.of()) : RaftGroup.valueOf(GROUP_ID, peers);
  }

  /** Whether this master forms a group alone: it leads as soon as it starts. */
  boolean alone() {
    return !joins && peers.size() == 1;
  }

  /** The peer id of a master that joins the group at {@code address} (host:port). */
  static RaftPeerId joinerId(String address) {
    int colon = address.lastIndexOf(':');
    return RaftPeerId.valueOf(address.substring(0, colon) + "_" + address.substring(colon + 1));
  }

  /**
   * Reads the peers from {@code conf}. {@code boundPort} is the port this master's peer really
   * binds (it differs from the configured one only when that is 0, which picks a free port).
   *
   * @throws MetasyncException INVALID_ARGUMENT when the list is malformed or does not name this
   *     master
   */
  static JournalPeers fromConfiguration(MetasyncConfiguration conf, int boundPort) {
    String host = conf.get(PropertyKey.MASTER_HOSTNAME);
    int port = conf.getInt(PropertyKey.MASTER_JOURNAL_PORT);
    String self = host + ":" + port;
    String configured = conf.get(PropertyKey.MASTER_JOURNAL_PEERS);
    List<String> addresses = new ArrayList<>();
    if (configured.isBlank()) {
      addresses.add(self);
    } else {
      for (String address : configured.split(",", -1)) {
        addresses.add(checkAddress(address.strip(), configured));
      }
    }
    if (addresses.stream().distinct().count() != addresses.size()) {
      throw peersError(configured, "a peer is listed twice");
    }
    int selfPosition = addresses.indexOf(self);
    if (selfPosition < 0) {
      throw peersError(
          configured,
          "it does not list this master ("
              + PropertyKey.MASTER_HOSTNAME.key()
              + ":"
              + PropertyKey.MASTER_JOURNAL_PORT.key()
              + " is "
              + self
              + ")");
    }
    boolean joins = conf.getBoolean(PropertyKey.MASTER_JOURNAL_JOIN);
    List<RaftPeer> peers = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      String address = i == selfPosition ? host + ":" + boundPort : addresses.get(i);
      RaftPeerId id = joins && i == selfPosition ? joinerId(address) : peerId(i);
      peers.add(RaftPeer.newBuilder().setId(id).setAddress(address).build());
    }
    return new JournalPeers(peers, peers.get(selfPosition).getId(), host, boundPort, joins);
  }

  private static RaftPeerId peerId(int position) {
    return RaftPeerId.valueOf("m" + (position + 1));
  }

  private static String checkAddress(String address, String configured) {
    int colon = address.lastIndexOf(':');
    if (colon <= 0) {
      throw peersError(configured, "'" + address + "' is not host:port");
    }
    try {
      int port = Integer.parseInt(address.substring(colon + 1));
      if (port < 0 || port > 65535) {
        throw peersError(configured, "'" + address + "' has a port out of range");
      }
    } catch (NumberFormatException e) {
      throw peersError(configured, "'" + address + "' is not host:port");
    }
    return address;
  }

  private static MetasyncException peersError(String configured, String why) {
    return MetasyncException.invalidArgument(
        "bad value '"
            + configured
            + "' for "
            + PropertyKey.MASTER_JOURNAL_PEERS.key()
            + ": "
            + why
            + "; expected every master's host:port, comma-separated");
  }
}
