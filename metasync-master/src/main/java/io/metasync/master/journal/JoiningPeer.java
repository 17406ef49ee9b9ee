package io.metasync.master.journal;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.GroupInfoReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.util.TimeDuration;

/**
 * Asks the journal peer at an address who it is before the leader adds it. Ratis itself does not:
 * it would add a peer under the id the leader gives it and send the log to whatever answers at the
 * address, even a master that calls itself by another id and holds a group configuration of its own
 * (one started without {@code metasync.master.journal.join}), leaving two views of the group.
 */
final class JoiningPeer {
  private static final TimeDuration ASK_LIMIT = TimeDuration.valueOf(3, TimeUnit.SECONDS);

  private JoiningPeer() {}

  /**
   * @throws MetasyncException FAILED_PRECONDITION naming {@code address} when nothing answers
   *     there, or the master there is not one waiting to join (another peer id, or a group of its
   *     own)
   */
  static void check(String address, RaftPeerId expected) {
    RaftProperties properties = new RaftProperties();
    RaftConfigKeys.Rpc.setType(properties, SupportedRpcType.GRPC);
    RaftClientConfigKeys.Rpc.setRequestTimeout(properties, ASK_LIMIT);
    RaftPeer target = RaftPeer.newBuilder().setId(expected).setAddress(address).build();
    GroupInfoReply reply;
    try (RaftClient client =
        RaftClient.newBuilder()
            .setProperties(properties)
            .setRaftGroup(RaftGroup.valueOf(JournalPeers.GROUP_ID, target))
            .setRetryPolicy(RetryPolicies.noRetry())
            .build()) {
      reply = client.getGroupManagementApi(expected).info(JournalPeers.GROUP_ID);
    } catch (IOException | RuntimeException e) {
      throw refused(
          address,
          "nothing answers there as a metasync journal peer ("
              + RatisErrors.oneLine(e)
              + "); start the new master first, with "
              + PropertyKey.MASTER_JOURNAL_JOIN.key()
              + "=true and "
              + PropertyKey.MASTER_JOURNAL_PORT.key()
              + " set to that port",
          e);
    }
    String actual = reply.getRoleInfoProto().getSelf().getId().toStringUtf8();
    if (!actual.equals(expected.toString())) {
      throw refused(
          address,
          "the master there calls itself "
              + actual
              + ", not "
              + expected
              + " as a master waiting to join does; stop it and start it again with "
              + PropertyKey.MASTER_JOURNAL_JOIN.key()
              + "=true on an empty journal folder",
          null);
    }
    if (!reply.getGroup().getPeers().isEmpty()) {
      throw refused(
          address,
          "the master there already has a group configuration of its own ("
              + reply.getGroup().getPeers().stream()
                  .map(peer -> peer.getId() + " at " + peer.getAddress())
                  .collect(Collectors.joining(", "))
              + "), from an earlier membership; stop it and start it again with "
              + PropertyKey.MASTER_JOURNAL_JOIN.key()
              + "=true on an empty journal folder",
          null);
    }
  }

  private static MetasyncException refused(String address, String why, Throwable cause) {
    return new MetasyncException(
        ErrorCode.FAILED_PRECONDITION,
        "cannot add " + address + " to the journal group: " + why,
        cause);
  }
}
