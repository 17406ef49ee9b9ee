package io.metasync.master.journal;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.ratis.proto.RaftProtos.CommitInfoProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.protocol.exceptions.ReconfigurationInProgressException;
import org.apache.ratis.protocol.exceptions.ReconfigurationTimeoutException;
import org.apache.ratis.server.RaftConfiguration;
import org.apache.ratis.server.RaftServer;

/**
 * Changes who takes part in the journal group, on the leader, without stopping the others ({@code
 * bin/metasync journal add-peer/remove-peer}), and shows who does ({@code journal peers}).
 *
 * <p>A change is one Ratis set-configuration: Ratis first stages a new peer (sends it the log, or
 * the newest snapshot when the log no longer reaches back far enough) and only once it has caught
 * up commits the new configuration, in two steps (joint consensus), so a majority of the old and of
 * the new group must be up. One change at a time.
 *
 * <p>A leader does not remove itself: Ratis would have it commit a configuration without itself and
 * then step down, an election with nobody told why. The operator stops that master instead (another
 * takes over within seconds) and removes it from the new leader.
 */
public final class JournalMembership {
  /** How long a change may take: staging a new peer may send it a whole snapshot. */
  private static final Duration CHANGE_LIMIT = Duration.ofMinutes(10);

  private final RaftServer server;
  private final RaftServer.Division division;
  private final ClientId clientId = ClientId.randomId();
  private final AtomicLong callIds = new AtomicLong();
  private final Object changes = new Object();

  JournalMembership(RaftServer server, RaftServer.Division division) {
    this.server = requireNonNull(server, "server is null");
    this.division = requireNonNull(division, "division is null");
  }

  /** The group's current configuration, as this master (normally the leader) knows it. */
  public JournalMembers members() {
    RaftConfiguration conf = division.getRaftConf();
    RaftPeerId leader = division.getInfo().getLeaderId();
    Map<String, Long> commits = new HashMap<>();
    for (CommitInfoProto info : division.getCommitInfos()) {
      commits.put(info.getServer().getId().toStringUtf8(), info.getCommitIndex());
    }
    List<JournalMembers.Member> members = new ArrayList<>();
    for (RaftPeer peer : conf.getCurrentPeers()) {
      members.add(member(peer, peer.getId().equals(leader), false, commits));
    }
    for (RaftPeer peer : conf.getCurrentPeers(RaftPeerRole.LISTENER)) {
      members.add(member(peer, false, true, commits));
    }
    return new JournalMembers(
        members,
        division.getRaftLog().getLastCommittedIndex(),
        division.getInfo().getLastAppliedIndex());
  }

  private static JournalMembers.Member member(
      RaftPeer peer, boolean leads, boolean listens, Map<String, Long> commits) {
    JournalMembers.Role role =
        leads
            ? JournalMembers.Role.LEADER
            : listens ? JournalMembers.Role.LISTENER : JournalMembers.Role.FOLLOWER;
    return new JournalMembers.Member(
        peer.getId().toString(),
        peer.getAddress(),
        role,
        commits.getOrDefault(peer.getId().toString(), -1L));
  }

  /**
   * Adds the master whose journal peer listens at {@code address} to the group, with the peer id
   * {@link JournalPeers#joinerId} gives it, and returns once the group has committed the new
   * configuration (the new master has caught up with the log by then).
   *
   * @throws MetasyncException INVALID_ARGUMENT for an address that is not host:port, ALREADY_EXISTS
   *     when the address is in the group, FAILED_PRECONDITION when nothing listens there or another
   *     change is under way, UNAVAILABLE when the change does not complete
   */
  public JournalMembers addPeer(String address) {
    String checked = checkAddress(address);
    synchronized (changes) {
      RaftConfiguration conf = division.getRaftConf();
      RaftPeerId id = JournalPeers.joinerId(checked);
      Optional<RaftPeer> present =
          conf.getAllPeers().stream()
              .filter(peer -> peer.getAddress().equals(checked) || peer.getId().equals(id))
              .findFirst();
      if (present.isPresent()) {
        throw new MetasyncException(
            ErrorCode.ALREADY_EXISTS,
            "cannot add "
                + checked
                + " to the journal group: it is in the group already (peer "
                + present.get().getId()
                + " at "
                + present.get().getAddress()
                + "); bin/metasync journal peers lists the group");
      }
      JoiningPeer.check(checked, id);
      List<RaftPeer> next = new ArrayList<>(conf.getCurrentPeers());
      next.add(RaftPeer.newBuilder().setId(id).setAddress(checked).build());
      change(next, "add " + checked + " to");
    }
    return members();
  }

  /**
   * Removes the peer at {@code address} from the group and returns once the group has committed the
   * configuration without it. The removed master takes no further part; stop it.
   *
   * @throws MetasyncException INVALID_ARGUMENT for an address that is not host:port, NOT_FOUND when
   *     no peer of the group has it, FAILED_PRECONDITION for the leader's own peer or while another
   *     change is under way, UNAVAILABLE when the change does not complete
   */
  public JournalMembers removePeer(String address) {
    String checked = checkAddress(address);
    synchronized (changes) {
      RaftConfiguration conf = division.getRaftConf();
      Collection<RaftPeer> current = conf.getCurrentPeers();
      RaftPeer removed =
          current.stream()
              .filter(peer -> peer.getAddress().equals(checked))
              .findFirst()
              .orElseThrow(
                  () ->
                      new MetasyncException(
                          ErrorCode.NOT_FOUND,
                          "cannot remove "
                              + checked
                              + " from the journal group: no peer has that address (the peers are "
                              + describe(current)
                              + "); give the journal host:port as bin/metasync journal peers"
                              + " lists it"));
      if (removed.getId().equals(division.getId())) {
        throw new MetasyncException(
            ErrorCode.FAILED_PRECONDITION,
            "cannot remove "
                + checked
                + " from the journal group: it is the leader's own peer ("
                + removed.getId()
                + "); stop that master so that another takes over (within seconds), then run"
                + " remove-peer "
                + checked
                + " again");
      }
      List<RaftPeer> next =
          current.stream().filter(peer -> !peer.getId().equals(removed.getId())).toList();
      change(next, "remove " + checked + " from");
    }
    return members();
  }

  private void change(List<RaftPeer> next, String what) {
    SetConfigurationRequest request =
        new SetConfigurationRequest(
            clientId, division.getId(), JournalPeers.GROUP_ID, callIds.incrementAndGet(), next);
    RaftClientReply reply;
    try {
      reply =
          server.setConfigurationAsync(request).get(CHANGE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      throw changeFailed(what, e);
    } catch (ExecutionException e) {
      throw changeFailed(what, e.getCause());
    } catch (TimeoutException e) {
      throw new MetasyncException(
          ErrorCode.UNAVAILABLE,
          "cannot "
              + what
              + " the journal group: the change did not complete within "
              + CHANGE_LIMIT.toMinutes()
              + " min; bin/metasync journal peers shows whether it has completed since",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MetasyncException(
          ErrorCode.UNAVAILABLE,
          "interrupted while waiting to "
              + what
              + " the journal group; bin/metasync journal peers shows whether it completed");
    }
    if (!reply.isSuccess()) {
      throw changeFailed(what, reply.getException());
    }
  }

  private MetasyncException changeFailed(String what, Throwable cause) {
    String prefix = "cannot " + what + " the journal group: ";
    if (cause instanceof ReconfigurationInProgressException) {
      return new MetasyncException(
          ErrorCode.FAILED_PRECONDITION,
          prefix
              + "another change of the group is under way; wait until bin/metasync journal peers"
              + " shows it done, then retry",
          cause);
    }
    if (cause instanceof ReconfigurationTimeoutException) {
      return new MetasyncException(
          ErrorCode.UNAVAILABLE,
          prefix
              + "the new peer did not catch up with the leader in time ("
              + RatisErrors.oneLine(cause)
              + "); check that the master there runs with "
              + PropertyKey.MASTER_JOURNAL_JOIN.key()
              + "=true and can reach the leader's journal port, then retry",
          cause);
    }
    if (RatisErrors.isLeadershipLost(cause)) {
      return new NotLeaderException(
          prefix + "this master no longer leads it (" + RatisErrors.oneLine(cause) + ")", cause);
    }
    return new MetasyncException(ErrorCode.UNAVAILABLE, prefix + RatisErrors.oneLine(cause), cause);
  }

  /**
   * @throws MetasyncException INVALID_ARGUMENT naming {@code address} unless it is host:port with a
   *     port in 1-65535
   */
  static String checkAddress(String address) {
    String stripped = address == null ? "" : address.strip();
    int colon = stripped.lastIndexOf(':');
    int port = -1;
    if (colon > 0) {
      try {
        port = Integer.parseInt(stripped.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    if (port < 1 || port > 65535) {
      throw MetasyncException.invalidArgument(
          "bad journal peer address '"
              + stripped
              + "': expected HOST:PORT with a port in 1-65535, the master's "
              + PropertyKey.MASTER_HOSTNAME.key()
              + ":"
              + PropertyKey.MASTER_JOURNAL_PORT.key());
    }
    return stripped;
  }

  private static String describe(Collection<RaftPeer> peers) {
    return peers.stream()
        .map(peer -> peer.getId() + " at " + peer.getAddress())
        .collect(Collectors.joining(", "));
  }
}
