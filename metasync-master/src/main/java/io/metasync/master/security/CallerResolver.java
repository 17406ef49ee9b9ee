package io.metasync.master.security;

import static java.util.Objects.requireNonNull;

import io.metasync.common.AuthenticationType;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.util.List;

/**
 * Turns what a call says about its user into a {@link Caller}: checks the token (TOKEN) and the
 * right to act for another user (a proxy), takes the user's groups from the master's own lookup,
 * and decides whether it is a superuser.
 */
public final class CallerResolver {
  /**
   * What a call claims: the user it acts as, the user who authenticates, its token, and the user
   * its TLS client certificate names (null without one).
   */
  public record Claim(
      String user, String realUser, String token, String certificateUser, String address) {}

  private final AuthenticationType type;
  private final String masterUser;
  private final String supergroup;
  private final GroupLookup groups;
  private final ProxyUsers proxyUsers;
  private final UserTokens tokens;

  /**
   * @param tokens the tokens to check in TOKEN authentication; null otherwise
   */
  public CallerResolver(
      AuthenticationType type,
      String masterUser,
      String supergroup,
      GroupLookup groups,
      ProxyUsers proxyUsers,
      UserTokens tokens) {
    this.type = requireNonNull(type, "type is null");
    this.masterUser = requireNonNull(masterUser, "masterUser is null");
    this.supergroup = requireNonNull(supergroup, "supergroup is null");
    this.groups = requireNonNull(groups, "groups is null");
    this.proxyUsers = requireNonNull(proxyUsers, "proxyUsers is null");
    this.tokens = tokens;
    if (type == AuthenticationType.TOKEN) {
      requireNonNull(tokens, "tokens is null");
    }
  }

  /**
   * @throws MetasyncException UNAUTHENTICATED (no user, a wrong token), PERMISSION_DENIED (a proxy
   *     that may not act for the user)
   */
  public Caller resolve(Claim claim) {
    if (type == AuthenticationType.NONE) {
      return new Caller(masterUser, java.util.Set.of(), true, masterUser, claim.address());
    }
    String user = blankToNull(claim.user());
    if (user == null) {
      throw new MetasyncException(
          ErrorCode.UNAUTHENTICATED,
          "the call names no user; use a metasync client, which sends the OS user's name");
    }
    String realUser = blankToNull(claim.realUser());
    if (realUser == null) {
      realUser = user;
    }
    if (claim.certificateUser() != null && !claim.certificateUser().equals(realUser)) {
      throw new MetasyncException(
          ErrorCode.UNAUTHENTICATED,
          "the call claims user "
              + realUser
              + " but its TLS client certificate is for "
              + claim.certificateUser()
              + "; a certificate proves only the user in its CN");
    }
    if (type == AuthenticationType.TOKEN) {
      tokens.check(realUser, claim.token());
    }
    List<String> userGroups = groups.groups(user);
    if (!realUser.equals(user)) {
      proxyUsers.check(realUser, user, userGroups);
    }
    boolean superuser = user.equals(masterUser) || userGroups.contains(supergroup);
    return new Caller(user, java.util.Set.copyOf(userGroups), superuser, realUser, claim.address());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
