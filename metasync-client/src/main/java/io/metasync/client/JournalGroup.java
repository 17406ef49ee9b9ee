package io.metasync.client;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The masters' journal group as its leader sees it ({@code bin/metasync journal peers}).
 *
 * @param peers every peer of the group's current configuration
 * @param commitIndex the leader's commit index
 * @param appliedIndex the index of the last entry the leader applied
 */
public record JournalGroup(List<Peer> peers, long commitIndex, long appliedIndex) {
  public JournalGroup {
    peers = List.copyOf(peers);
  }

  /**
   * One peer.
   *
   * @param id its journal peer id (m1, m2, ... or host_port for a master that joined)
   * @param address its journal host:port
   * @param role leader, follower or listener
   * @param commitIndex how far it has committed as the leader last heard, -1 when not known
   */
  public record Peer(String id, String address, String role, long commitIndex) {
    public Peer {
      requireNonNull(id, "id is null");
      requireNonNull(address, "address is null");
      requireNonNull(role, "role is null");
    }
  }
}
