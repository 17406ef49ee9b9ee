package io.metasync.master;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;

/**
 * TEMP stub with the signature the lead announced, so the shell compiles before the master lands.
 * Drop this commit when merging the real master.
 */
public final class MasterProcess {
  private MasterProcess() {}

  public static MasterProcess start(MetasyncConfiguration conf) {
    throw new MetasyncException(ErrorCode.INTERNAL, "the master is not implemented yet");
  }

  public int rpcPort() {
    throw new UnsupportedOperationException();
  }

  public int webPort() {
    throw new UnsupportedOperationException();
  }

  public void awaitTermination() throws InterruptedException {
    throw new UnsupportedOperationException();
  }

  public void close() {}
}
