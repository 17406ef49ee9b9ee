package io.metasync.master.rpc;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.master.security.AuditLog;
import io.metasync.master.security.Caller;

/**
 * What one call writes to the audit log: a mutation always, any other call only when it was
 * refused.
 */
record Audit(Caller caller, String command, String source, String destination, boolean mutation) {
  static Audit mutation(Caller caller, String command, String source) {
    return new Audit(caller, command, source, "null", true);
  }

  static Audit mutation(Caller caller, String command, String source, String destination) {
    return new Audit(caller, command, source, destination, true);
  }

  static Audit read(Caller caller, String command, String source) {
    return new Audit(caller, command, source, "null", false);
  }

  void succeeded() {
    if (mutation) {
      AuditLog.record(caller, caller.address(), command, source, destination, "ok");
    }
  }

  void failed(Throwable error) {
    ErrorCode code =
        error instanceof MetasyncException metasync ? metasync.code() : ErrorCode.INTERNAL;
    if (mutation || code == ErrorCode.PERMISSION_DENIED) {
      AuditLog.record(caller, caller.address(), command, source, destination, code.name());
    }
  }
}
