package io.metasync.client;

import java.util.List;

/**
 * Where one master stands in its group, as it says itself.
 *
 * @param role {@code leader}, {@code standby} or {@code candidate}
 * @param appliedIndex the index of the last journal entry applied to its state
 * @param peerId its journal peer id (m1, m2, ...)
 * @param leaderPeerId empty while it knows no leader
 * @param leaderRpcAddress empty while it knows no leader or not yet its address
 */
public record MasterStatus(
    String role,
    long term,
    long appliedIndex,
    String peerId,
    String rpcAddress,
    String webAddress,
    String leaderPeerId,
    String leaderRpcAddress,
    List<String> peers,
    String version,
    long inodeCount) {
  public MasterStatus {
    peers = List.copyOf(peers);
  }
}
