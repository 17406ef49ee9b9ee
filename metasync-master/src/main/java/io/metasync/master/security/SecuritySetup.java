package io.metasync.master.security;

import io.metasync.common.AuthenticationType;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the master's security collaborators from its configuration. */
public final class SecuritySetup {
  private static final Logger LOG = LoggerFactory.getLogger(SecuritySetup.class);

  /** As Hadoop's {@code hadoop.security.groups.cache.secs}. */
  private static final Duration GROUPS_CACHE_TTL = Duration.ofMinutes(5);

  private SecuritySetup() {}

  /**
   * @throws MetasyncException FAILED_PRECONDITION for NONE without its explicit permission, or a
   *     secret file that cannot be read or made
   */
  public static CallerResolver callerResolver(MetasyncConfiguration conf, Clock clock) {
    AuthenticationType type = conf.getAuthenticationType(PropertyKey.SECURITY_AUTHENTICATION_TYPE);
    String masterUser = System.getProperty("user.name");
    if (type == AuthenticationType.NONE) {
      if (!conf.getBoolean(PropertyKey.SECURITY_AUTHENTICATION_NONE_ALLOWED)) {
        throw MetasyncException.failedPrecondition(
            PropertyKey.SECURITY_AUTHENTICATION_TYPE.key()
                + "=NONE lets every caller act as the master's user "
                + masterUser
                + "; for a trial on one machine also set "
                + PropertyKey.SECURITY_AUTHENTICATION_NONE_ALLOWED.key()
                + "=true, otherwise use SIMPLE or TOKEN");
      }
      LOG.warn(
          "Authentication is NONE: every call acts as the master's user {}, a superuser, and no"
              + " permission is checked. Use this for trials on one machine only.",
          masterUser);
    }
    UserTokens tokens =
        type == AuthenticationType.TOKEN
            ? UserTokens.fromSecretFile(
                conf.getPath(PropertyKey.SECURITY_AUTHENTICATION_SECRET_FILE), true)
            : null;
    return new CallerResolver(
        type,
        masterUser,
        conf.get(PropertyKey.SECURITY_SUPERGROUP),
        new CachedGroupLookup(new ShellGroupLookup(), clock, GROUPS_CACHE_TTL),
        ProxyUsers.of(conf.proxyUserSettings()),
        tokens);
  }
}
