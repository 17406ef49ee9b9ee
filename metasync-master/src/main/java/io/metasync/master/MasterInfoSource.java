package io.metasync.master;

import static java.util.Objects.requireNonNull;

import io.metasync.master.journal.JournalRole;
import io.metasync.proto.MasterInfo;
import java.util.Locale;
import java.util.function.Supplier;

/** What {@code GetMasterInfo} answers: this master's role in its group, from its journal. */
final class MasterInfoSource implements Supplier<MasterInfo> {
  private final MasterLeadership leadership;
  private final Namespace namespace;

  MasterInfoSource(MasterLeadership leadership, Namespace namespace) {
    this.leadership = requireNonNull(leadership, "leadership is null");
    this.namespace = requireNonNull(namespace, "namespace is null");
  }

  @Override
  public MasterInfo get() {
    JournalRole role = namespace.journalRole();
    String shown =
        role.role() == JournalRole.Role.LEADER && !leadership.serves()
            ? "candidate" // elected, still taking over
            : role.role().name().toLowerCase(Locale.ROOT);
    MasterInfo.Builder info =
        MasterInfo.newBuilder()
            .setRole(shown)
            .setTerm(role.term())
            .setAppliedIndex(role.appliedIndex())
            .setPeerId(role.self())
            .setRpcAddress(leadership.selfAddress())
            .addAllPeers(role.peers())
            .setVersion(version())
            .setInodeCount(namespace.inodeCount());
    leadership.self().ifPresent(self -> info.setWebAddress(self.web()));
    role.leader()
        .ifPresent(
            leader -> {
              info.setLeaderPeerId(leader);
              leadership.leaderAddress().ifPresent(info::setLeaderRpcAddress);
            });
    return info.build();
  }

  static String version() {
    String version = MasterProcess.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
