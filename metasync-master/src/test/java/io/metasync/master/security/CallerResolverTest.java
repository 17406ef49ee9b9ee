package io.metasync.master.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.AuthenticationType;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallerResolverTest {
  private static final GroupLookup GROUPS =
      user ->
          switch (user) {
            case "alice" -> List.of("alice", "etl");
            case "root-like" -> List.of("supergroup");
            default -> List.of();
          };

  @TempDir Path folder;

  private static CallerResolver simple(Map<String, String> proxyUsers) {
    return new CallerResolver(
        AuthenticationType.SIMPLE, "master", "supergroup", GROUPS, ProxyUsers.of(proxyUsers), null);
  }

  private static CallerResolver.Claim claim(String user, String realUser, String token) {
    return new CallerResolver.Claim(user, realUser, token, null, "127.0.0.1");
  }

  @Test
  void simpleTakesTheUsersGroupsFromTheMastersLookupNotFromTheClient() {
    Caller alice = simple(Map.of()).resolve(claim("alice", null, null));

    assertThat(alice.user()).isEqualTo("alice");
    assertThat(alice.groups()).containsExactlyInAnyOrder("alice", "etl");
    assertThat(alice.superuser()).isFalse();
    assertThat(simple(Map.of()).resolve(claim("unknown", null, null)).groups()).isEmpty();
  }

  @Test
  void theMastersUserAndMembersOfTheSupergroupAreSuperusers() {
    assertThat(simple(Map.of()).resolve(claim("master", null, null)).superuser()).isTrue();
    assertThat(simple(Map.of()).resolve(claim("root-like", null, null)).superuser()).isTrue();
  }

  @Test
  void aCallNamingNoUserIsUnauthenticated() {
    assertThatThrownBy(() -> simple(Map.of()).resolve(claim(" ", null, null)))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
  }

  @Test
  void aProxyActsOnlyForTheUsersAndGroupsItIsAllowed() {
    CallerResolver resolver =
        simple(
            Map.of(
                "metasync.security.proxyuser.spark.users", "bob",
                "metasync.security.proxyuser.spark.groups", "etl"));

    Caller forAlice = resolver.resolve(claim("alice", "spark", null));
    assertThat(forAlice.user()).isEqualTo("alice");
    assertThat(forAlice.realUser()).isEqualTo("spark");
    assertThat(resolver.resolve(claim("bob", "spark", null)).user()).isEqualTo("bob");
    assertThatThrownBy(() -> resolver.resolve(claim("carol", "spark", null)))
        .isInstanceOf(MetasyncException.class)
        .hasMessage(
            "user spark may not act for user carol: allow it with"
                + " metasync.security.proxyuser.spark.users or .groups on the master");
    assertThatThrownBy(() -> resolver.resolve(claim("alice", "trino", null)))
        .hasMessageContaining("user trino may not act for user alice");
  }

  @Test
  void tokenAuthenticationWantsTheRealUsersToken() throws Exception {
    Path secret = folder.resolve("secret");
    UserTokens tokens = UserTokens.fromSecretFile(secret, true);
    assertThat(Files.getPosixFilePermissions(secret))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    CallerResolver resolver =
        new CallerResolver(
            AuthenticationType.TOKEN,
            "master",
            "supergroup",
            GROUPS,
            ProxyUsers.of(Map.of()),
            tokens);

    assertThat(resolver.resolve(claim("alice", null, tokens.tokenOf("alice"))).user())
        .isEqualTo("alice");
    assertThatThrownBy(() -> resolver.resolve(claim("alice", null, tokens.tokenOf("bob"))))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
              assertThat(e.getMessage()).contains("is not that user's");
            });
    assertThatThrownBy(() -> resolver.resolve(claim("alice", null, null)))
        .hasMessageContaining("user alice sent no token");
    // the same secret file gives the same tokens after a restart
    assertThat(UserTokens.fromSecretFile(secret, false).tokenOf("alice"))
        .isEqualTo(tokens.tokenOf("alice"));
  }

  @Test
  void noneActsAsTheMastersUserWhateverTheCallSays() {
    CallerResolver resolver =
        new CallerResolver(
            AuthenticationType.NONE, "master", "supergroup", GROUPS, ProxyUsers.of(Map.of()), null);

    Caller caller = resolver.resolve(claim("alice", null, null));
    assertThat(caller.user()).isEqualTo("master");
    assertThat(caller.superuser()).isTrue();
  }
}
