package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.master.journal.JournalMembers;
import io.metasync.master.journal.JournalMembership;
import io.metasync.master.security.Caller;
import io.metasync.proto.AddJournalPeerRequest;
import io.metasync.proto.JournalGroupInfo;
import io.metasync.proto.JournalPeerInfo;
import io.metasync.proto.ListJournalPeersRequest;
import io.metasync.proto.MetasyncJournalAdminGrpc;
import io.metasync.proto.RemoveJournalPeerRequest;
import java.util.Locale;

/**
 * The gRPC face of the journal group's membership ({@code bin/metasync journal}): anyone may list
 * the peers; adding and removing one is for administrators. Runs on the leader only (behind the
 * {@link LeaderGate}): it is the leader that changes the group's configuration.
 */
public final class JournalAdminService
    extends MetasyncJournalAdminGrpc.MetasyncJournalAdminImplBase {
  private final JournalMembership membership;

  public JournalAdminService(JournalMembership membership) {
    this.membership = requireNonNull(membership, "membership is null");
  }

  @Override
  public void listJournalPeers(
      ListJournalPeersRequest request, StreamObserver<JournalGroupInfo> observer) {
    Caller caller = CallerInterceptor.current();
    MasterRpcService.unary(
        observer,
        Audit.read(caller, "listJournalPeers", "null"),
        () -> toProto(membership.members()));
  }

  @Override
  public void addJournalPeer(
      AddJournalPeerRequest request, StreamObserver<JournalGroupInfo> observer) {
    Caller caller = CallerInterceptor.current();
    MasterRpcService.unary(
        observer,
        Audit.mutation(caller, "addJournalPeer", request.getAddress()),
        () -> {
          checkAdministrator(caller, "add " + request.getAddress() + " to");
          return toProto(membership.addPeer(request.getAddress()));
        });
  }

  @Override
  public void removeJournalPeer(
      RemoveJournalPeerRequest request, StreamObserver<JournalGroupInfo> observer) {
    Caller caller = CallerInterceptor.current();
    MasterRpcService.unary(
        observer,
        Audit.mutation(caller, "removeJournalPeer", request.getAddress()),
        () -> {
          checkAdministrator(caller, "remove " + request.getAddress() + " from");
          return toProto(membership.removePeer(request.getAddress()));
        });
  }

  private static void checkAdministrator(Caller caller, String change) {
    if (!caller.superuser()) {
      throw new MetasyncException(
          ErrorCode.PERMISSION_DENIED,
          "user "
              + caller.user()
              + " may not "
              + change
              + " the journal group: only an administrator may (the master's user or a member of"
              + " metasync.security.supergroup)");
    }
  }

  private static JournalGroupInfo toProto(JournalMembers members) {
    JournalGroupInfo.Builder info =
        JournalGroupInfo.newBuilder()
            .setCommitIndex(members.commitIndex())
            .setAppliedIndex(members.appliedIndex());
    for (JournalMembers.Member member : members.members()) {
      info.addPeers(
          JournalPeerInfo.newBuilder()
              .setId(member.id())
              .setAddress(member.address())
              .setRole(member.role().name().toLowerCase(Locale.ROOT))
              .setCommitIndex(member.commitIndex()));
    }
    return info.build();
  }
}
