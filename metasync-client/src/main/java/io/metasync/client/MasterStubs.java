package io.metasync.client;

import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.metasync.proto.MetasyncMasterGrpc;

/** The stubs of the channel to one master. */
record MasterStubs(
    MasterAddress address,
    MetasyncMasterGrpc.MetasyncMasterBlockingStub blocking,
    MetasyncMasterGrpc.MetasyncMasterStub async) {

  /**
   * These stubs, sending {@code headers} with each call as well; themselves when there are none.
   */
  MasterStubs withHeaders(Metadata headers) {
    if (headers.keys().isEmpty()) {
      return this;
    }
    var attach = MetadataUtils.newAttachHeadersInterceptor(headers);
    return new MasterStubs(
        address, blocking.withInterceptors(attach), async.withInterceptors(attach));
  }
}
