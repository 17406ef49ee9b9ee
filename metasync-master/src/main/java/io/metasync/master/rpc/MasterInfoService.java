package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.metasync.proto.GetMasterInfoRequest;
import io.metasync.proto.MasterInfo;
import io.metasync.proto.MetasyncMasterInfoGrpc;
import java.util.function.Supplier;

/**
 * Answers {@code GetMasterInfo} on every master, leader or standby: an operator (or {@code fs
 * masterInfo}) asks each master where it stands. Says nothing about the namespace's contents.
 */
public final class MasterInfoService extends MetasyncMasterInfoGrpc.MetasyncMasterInfoImplBase {
  private final Supplier<MasterInfo> info;

  public MasterInfoService(Supplier<MasterInfo> info) {
    this.info = requireNonNull(info, "info is null");
  }

  @Override
  public void getMasterInfo(GetMasterInfoRequest request, StreamObserver<MasterInfo> observer) {
    try {
      observer.onNext(info.get());
      observer.onCompleted();
    } catch (RuntimeException e) {
      observer.onError(RpcErrors.toStatus(e));
    }
  }
}
