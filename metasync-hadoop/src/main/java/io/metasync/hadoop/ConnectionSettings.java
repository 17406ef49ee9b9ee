package io.metasync.hadoop;

import io.metasync.client.ClientIdentity;
import io.metasync.client.ClientTls;
import io.metasync.common.PropertyKey;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;

/** Who {@code metasync://} calls as, and over which transport, from the Hadoop configuration. */
final class ConnectionSettings {
  private ConnectionSettings() {}

  /**
   * The Hadoop (UGI) current user; for a proxy user ({@code doAs} by a service such as Spark or
   * Trino) the service's real user authenticates, with its token from {@code
   * metasync.user.token.file} (by default {@code ~/.metasync/token} of the OS user running it).
   */
  static ClientIdentity identity(Configuration conf) throws IOException {
    UserGroupInformation current = UserGroupInformation.getCurrentUser();
    UserGroupInformation real = current.getRealUser();
    String realUser = real == null ? current.getShortUserName() : real.getShortUserName();
    String named = conf.get(PropertyKey.USER_TOKEN_FILE.key(), "");
    java.nio.file.Path tokenFile =
        named.isEmpty() ? ClientIdentity.defaultTokenFile() : java.nio.file.Path.of(named);
    return new ClientIdentity(
        current.getShortUserName(), realUser, ClientIdentity.readToken(tokenFile).orElse(""));
  }

  /** {@code metasync.security.tls.enabled} and the {@code metasync.user.tls.*} files. */
  static ClientTls tls(Configuration conf) {
    return ClientTls.of(
        conf.getBoolean(PropertyKey.SECURITY_TLS_ENABLED.key(), false),
        conf.get(PropertyKey.USER_TLS_TRUST_FILE.key(), ""),
        conf.get(PropertyKey.USER_TLS_CERT_FILE.key(), ""),
        conf.get(PropertyKey.USER_TLS_KEY_FILE.key(), ""));
  }
}
