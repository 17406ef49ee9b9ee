package io.metasync.master.rpc;

import static java.util.Objects.requireNonNull;

import io.metasync.master.activesync.ActiveSyncManager;
import io.metasync.master.file.ConsistencyChecker;
import io.metasync.master.file.LoadOperations;
import io.metasync.master.file.MountOperations;
import io.metasync.master.file.ReadOperations;
import io.metasync.master.file.WriteOperations;
import io.metasync.master.pathconf.PathConfiguration;
import io.metasync.master.security.PathAuthorizer;

/**
 * The operations the RPC service calls, the authorizer that checks each call first, and the path
 * configuration that the read options of a call take their defaults from.
 */
public record MasterOperations(
    ReadOperations reads,
    WriteOperations writes,
    MountOperations mounts,
    LoadOperations loads,
    ConsistencyChecker consistency,
    ActiveSyncManager activeSync,
    PathAuthorizer authorizer,
    PathConfiguration pathConf) {
  public MasterOperations {
    requireNonNull(reads, "reads is null");
    requireNonNull(writes, "writes is null");
    requireNonNull(mounts, "mounts is null");
    requireNonNull(loads, "loads is null");
    requireNonNull(consistency, "consistency is null");
    requireNonNull(activeSync, "activeSync is null");
    requireNonNull(authorizer, "authorizer is null");
    requireNonNull(pathConf, "pathConf is null");
  }
}
