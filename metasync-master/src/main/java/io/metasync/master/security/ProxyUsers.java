package io.metasync.master.security;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Which users may act for others (a Spark or Trino service running jobs as their users), as
 * Hadoop's {@code hadoop.proxyuser.<user>.users} and {@code .groups}: {@code
 * metasync.security.proxyuser.<user>.users} lists the users it may act for, {@code .groups} the
 * groups whose members it may act for; {@code *} means anyone. A user with neither may act for
 * nobody.
 */
public final class ProxyUsers {
  private record Rule(Set<String> users, Set<String> groups) {}

  private final Map<String, Rule> rules;

  private ProxyUsers(Map<String, Rule> rules) {
    this.rules = Map.copyOf(rules);
  }

  /** From the {@code metasync.security.proxyuser.*} settings. */
  public static ProxyUsers of(Map<String, String> settings) {
    Map<String, Set<String>> users = new HashMap<>();
    Map<String, Set<String>> groups = new HashMap<>();
    settings.forEach(
        (key, value) -> {
          Matcher matcher = PropertyKey.PROXY_USER_KEY.matcher(key);
          if (matcher.matches()) {
            Set<String> names =
                Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(name -> !name.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
            (matcher.group(2).equals("users") ? users : groups).put(matcher.group(1), names);
          }
        });
    Map<String, Rule> rules = new HashMap<>();
    for (String proxy : union(users.keySet(), groups.keySet())) {
      rules.put(
          proxy,
          new Rule(users.getOrDefault(proxy, Set.of()), groups.getOrDefault(proxy, Set.of())));
    }
    return new ProxyUsers(rules);
  }

  /**
   * @throws MetasyncException PERMISSION_DENIED when {@code realUser} may not act for {@code user}
   */
  public void check(String realUser, String user, List<String> userGroups) {
    Rule rule = rules.get(realUser);
    if (rule != null
        && (rule.users().contains("*")
            || rule.users().contains(user)
            || rule.groups().contains("*")
            || userGroups.stream().anyMatch(rule.groups()::contains))) {
      return;
    }
    throw new MetasyncException(
        ErrorCode.PERMISSION_DENIED,
        "user "
            + realUser
            + " may not act for user "
            + user
            + ": allow it with metasync.security.proxyuser."
            + realUser
            + ".users or .groups on the master");
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> all = new java.util.HashSet<>(first);
    all.addAll(second);
    return all;
  }
}
