package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.metasync.proto.AddJournalPeerRequest;
import io.metasync.proto.JournalGroupInfo;
import io.metasync.proto.ListJournalPeersRequest;
import io.metasync.proto.MetasyncJournalAdminGrpc;
import io.metasync.proto.RemoveJournalPeerRequest;

/**
 * The masters' journal group ({@code bin/metasync journal}): list its peers, add a master to it or
 * remove one. Calls go to the leader, as the client's own do. Obtained from {@link
 * MetasyncClient#journalAdmin()}; closing the client closes it. Every method throws {@link
 * io.metasync.common.MetasyncException} as the client's do.
 */
public final class JournalAdminClient {
  private final LeaderFailover failover;

  JournalAdminClient(LeaderFailover failover) {
    this.failover = requireNonNull(failover, "failover is null");
  }

  /** The group's current configuration. */
  public JournalGroup peers() {
    return call(stub -> stub.listJournalPeers(ListJournalPeersRequest.getDefaultInstance()));
  }

  /**
   * Adds the master whose journal peer is at {@code address} (host:port); returns once it has
   * caught up and the group has committed the configuration with it. Administrators only.
   *
   * @throws io.metasync.common.MetasyncException INVALID_ARGUMENT for a bad address, ALREADY_EXISTS
   *     when it is in the group, FAILED_PRECONDITION when nothing listens there, PERMISSION_DENIED
   *     for a caller who is not an administrator
   */
  public JournalGroup add(String address) {
    return call(
        stub ->
            stub.addJournalPeer(AddJournalPeerRequest.newBuilder().setAddress(address).build()));
  }

  /**
   * Removes the peer at {@code address} (host:port) from the group. Administrators only.
   *
   * @throws io.metasync.common.MetasyncException NOT_FOUND when no peer has that address,
   *     FAILED_PRECONDITION for the leader's own peer, PERMISSION_DENIED for a caller who is not an
   *     administrator
   */
  public JournalGroup remove(String address) {
    return call(
        stub ->
            stub.removeJournalPeer(
                RemoveJournalPeerRequest.newBuilder().setAddress(address).build()));
  }

  private interface AdminCall {
    JournalGroupInfo run(MetasyncJournalAdminGrpc.MetasyncJournalAdminBlockingStub stub);
  }

  private JournalGroup call(AdminCall call) {
    // A standby refuses before the call runs, so following the leader repeats nothing; only a
    // leader lost in the middle of a change can leave a retry to find it done (ALREADY_EXISTS,
    // NOT_FOUND), which journal peers then shows.
    JournalGroupInfo info =
        failover.call(
            false,
            stubs ->
                call.run(MetasyncJournalAdminGrpc.newBlockingStub(stubs.blocking().getChannel())));
    return new JournalGroup(
        info.getPeersList().stream()
            .map(
                peer ->
                    new JournalGroup.Peer(
                        peer.getId(), peer.getAddress(), peer.getRole(), peer.getCommitIndex()))
            .toList(),
        info.getCommitIndex(),
        info.getAppliedIndex());
  }
}
