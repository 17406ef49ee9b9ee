package io.metasync.master;

import static java.util.Objects.requireNonNull;

import io.metasync.master.web.MasterRoleView;
import io.metasync.proto.MasterInfo;

/**
 * The web page's view of this master's role, from what {@code GetMasterInfo} answers: {@value
 * MasterRoleView#SINGLE_MASTER} for a master alone in its group, else its role in the group.
 */
record GroupRoleView(MasterInfoSource info) implements MasterRoleView {
  GroupRoleView {
    requireNonNull(info, "info is null");
  }

  @Override
  public String role() {
    MasterInfo now = info.get();
    return now.getPeersCount() == 1 ? SINGLE_MASTER : now.getRole();
  }

  @Override
  public long term() {
    return info.get().getTerm();
  }

  @Override
  public long appliedIndex() {
    return info.get().getAppliedIndex();
  }

  @Override
  public String leaderAddress() {
    return info.get().getLeaderRpcAddress();
  }
}
