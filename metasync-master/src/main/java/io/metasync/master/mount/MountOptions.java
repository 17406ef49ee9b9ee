package io.metasync.master.mount;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How a UFS is mounted.
 *
 * @param readOnly writes through this mount are refused
 * @param shared recorded for clients; it changes nothing in the master yet
 * @param properties the UFS's own settings ({@code --option K=V})
 */
public record MountOptions(boolean readOnly, boolean shared, Map<String, String> properties) {
  public static final MountOptions DEFAULT = new MountOptions(false, false, Map.of());

  public MountOptions {
    properties = Map.copyOf(requireNonNull(properties, "properties is null"));
  }

  static final String MASKED = "(hidden)";

  /**
   * The properties in key order, for display (the web page, {@code mountTable}): the value of a key
   * that ends in a secret, password, token or access key, or names an account key, is {@value
   * #MASKED}, so that no secret given with {@code --option} (such as {@code s3.secret.key}) is
   * shown again. Only the end of a key counts: {@code dfs.block.access.token.enable} is a setting,
   * and the Hadoop client reads these values to reach the UFS itself.
   */
  public Map<String, String> displayedProperties() {
    Map<String, String> shown = new TreeMap<>();
    properties.forEach((key, value) -> shown.put(key, isSecret(key) ? MASKED : value));
    return shown;
  }

  private static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return Stream.of("secret", "secret.key", "password", "token", "access.key")
            .anyMatch(lower::endsWith)
        || lower.contains(".account.key.");
  }
}
