package io.metasync.master.security;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Who a call acts as, once authenticated: the user, the groups the master itself found for that
 * user (never the ones a client claims), and whether it is a superuser (the master's own OS user,
 * or a member of {@code metasync.security.supergroup}).
 *
 * @param realUser the user who authenticated, when it acts for {@code user} as a proxy; else {@code
 *     user}
 * @param address the client's address, for the audit log
 */
public record Caller(
    String user, Set<String> groups, boolean superuser, String realUser, String address) {
  public Caller {
    requireNonNull(user, "user is null");
    groups = Set.copyOf(requireNonNull(groups, "groups is null"));
    requireNonNull(realUser, "realUser is null");
    requireNonNull(address, "address is null");
  }

  /** The master acting on its own behalf (active sync, start-up work): a superuser. */
  public static Caller master(String user) {
    return new Caller(user, Set.of(), true, user, "master");
  }

  public boolean isProxy() {
    return !realUser.equals(user);
  }

  @Override
  public String toString() {
    return isProxy() ? user + " (via " + realUser + ")" : user;
  }
}
