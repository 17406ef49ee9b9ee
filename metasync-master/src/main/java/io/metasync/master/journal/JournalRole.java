package io.metasync.master.journal;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Where this master stands in its journal group, as the web page, {@code masterInfo} and the
 * metrics show it.
 *
 * @param role what this master does now
 * @param term the Ratis term it knows (0 before the first election)
 * @param appliedIndex the index of the last entry applied to its state, -1 before the first
 * @param self this master's peer id (m1, m2, ... in the order of the configured peers)
 * @param leader the leader's peer id, when one is known
 * @param peers every peer id of the group's current configuration (it changes with {@code
 *     bin/metasync journal add-peer/remove-peer})
 */
public record JournalRole(
    Role role,
    long term,
    long appliedIndex,
    String self,
    Optional<String> leader,
    List<String> peers) {
  /** What a master does in its group. */
  public enum Role {
    /** Leads, and has applied every entry of earlier terms: it serves and writes. */
    LEADER,
    /** Follows a leader (or waits for one), applying its entries; it refuses client calls. */
    STANDBY,
    /** Leads the election of a new term; it refuses client calls until it leads. */
    CANDIDATE
  }

  public JournalRole {
    requireNonNull(role, "role is null");
    requireNonNull(self, "self is null");
    requireNonNull(leader, "leader is null");
    peers = List.copyOf(peers);
  }

  /** The role of a master alone with its log (tests, tools): always the leader. */
  public static JournalRole alone(long appliedIndex) {
    return new JournalRole(Role.LEADER, 1, appliedIndex, "m1", Optional.of("m1"), List.of("m1"));
  }

  /** Whether this master serves client calls. */
  public boolean serves() {
    return role == Role.LEADER;
  }
}
