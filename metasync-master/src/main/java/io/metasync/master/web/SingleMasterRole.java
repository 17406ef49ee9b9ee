package io.metasync.master.web;

import static java.util.Objects.requireNonNull;

import java.util.function.LongSupplier;

/**
 * The role of a master that is the only one: always the leader of itself, in no election.
 *
 * @param journalAppliedIndex reads the journal's applied index at each page view
 * @param address this master's RPC host:port
 */
public record SingleMasterRole(LongSupplier journalAppliedIndex, String address)
    implements MasterRoleView {
  public SingleMasterRole {
    requireNonNull(journalAppliedIndex, "journalAppliedIndex is null");
    requireNonNull(address, "address is null");
  }

  @Override
  public String role() {
    return SINGLE_MASTER;
  }

  @Override
  public long term() {
    return 0;
  }

  @Override
  public long appliedIndex() {
    return journalAppliedIndex.getAsLong();
  }

  @Override
  public String leaderAddress() {
    return address;
  }
}
