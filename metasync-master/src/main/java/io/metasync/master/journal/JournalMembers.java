package io.metasync.master.journal;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The journal group's configuration as its leader sees it: who takes part, in what role, and how
 * far the leader knows each one has committed.
 *
 * @param members every peer of the group's current configuration, in the configuration's order
 * @param commitIndex the leader's commit index
 * @param appliedIndex the index of the last entry the leader applied to its state
 */
public record JournalMembers(List<Member> members, long commitIndex, long appliedIndex) {
  public JournalMembers {
    members = List.copyOf(members);
  }

  /** What a peer does in the group. */
  public enum Role {
    LEADER,
    FOLLOWER,
    /** Receives the log but neither votes nor counts for a majority. */
    LISTENER
  }

  /**
   * One peer.
   *
   * @param id its Ratis peer id (m1, m2, ... for the masters that formed the group; host_port for
   *     one that joined)
   * @param address its journal host:port
   * @param commitIndex how far it has committed, as the leader last heard; -1 when not known
   */
  public record Member(String id, String address, Role role, long commitIndex) {
    public Member {
      requireNonNull(id, "id is null");
      requireNonNull(address, "address is null");
      requireNonNull(role, "role is null");
    }
  }
}
