package io.metasync.master.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per mutating or refused call, to its own logger ({@code metasync.audit}) so that
 * operators can route it to its own file, as HDFS's {@code FSNamesystem.audit}: {@code allowed=true
 * user=etl ip=127.0.0.1 cmd=mkdir src=/a dst=null result=ok}.
 */
public final class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger("metasync.audit");

  private AuditLog() {}

  /**
   * @param caller null when the call could not be authenticated
   * @param result {@code ok}, or the error code of a failed call
   */
  public static void record(
      Caller caller,
      String address,
      String command,
      String source,
      String destination,
      String result) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    boolean allowed = !result.equals("PERMISSION_DENIED") && !result.equals("UNAUTHENTICATED");
    LOG.info(
        "allowed={}\tuser={}\tip={}\tcmd={}\tsrc={}\tdst={}\tresult={}",
        allowed,
        caller == null ? "unknown" : caller,
        address,
        command,
        source,
        destination,
        result);
  }
}
