package io.metasync.common;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * An immutable, validated set of configuration values: defaults, overridden by {@code
 * conf/metasync-site.properties}, overridden by {@code -D} options. Every value is checked when the
 * configuration is built, so a bad key or value stops a command before it does anything.
 */
public final class MetasyncConfiguration {
  private final Map<PropertyKey, String> values;
  // Keys that name a user ({@link PropertyKey#PROXY_USER_KEY}), by their full name.
  private final Map<String, String> proxyUserValues;

  private MetasyncConfiguration(Map<PropertyKey, String> values, Map<String, String> proxyUsers) {
    this.values = Map.copyOf(values);
    this.proxyUserValues = Map.copyOf(proxyUsers);
  }

  /** Defaults only. */
  public static MetasyncConfiguration defaults() {
    return of(Map.of());
  }

  /**
   * The defaults overridden by {@code overrides}.
   *
   * @throws MetasyncException INVALID_ARGUMENT naming the first unknown key or bad value
   */
  public static MetasyncConfiguration of(Map<String, String> overrides) {
    Map<PropertyKey, String> values = new HashMap<>();
    Map<String, String> proxyUsers = new HashMap<>();
    put(values, proxyUsers, overrides, "-D");
    return new MetasyncConfiguration(values, proxyUsers);
  }

  /**
   * Reads {@code siteFile} if it exists, then applies {@code overrides} (the {@code -D} options).
   *
   * @throws MetasyncException INVALID_ARGUMENT naming the key and where it came from, for an
   *     unknown key, a bad value or an unreadable file
   */
  public static MetasyncConfiguration load(Path siteFile, Map<String, String> overrides) {
    Map<PropertyKey, String> values = new HashMap<>();
    Map<String, String> proxyUsers = new HashMap<>();
    if (Files.exists(siteFile)) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(siteFile, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        throw MetasyncException.invalidArgument(
            "cannot read configuration file " + siteFile + ": " + CauseChain.describe(e));
      }
      Map<String, String> fromFile = new HashMap<>();
      properties
          .stringPropertyNames()
          .forEach(name -> fromFile.put(name, properties.getProperty(name)));
      put(values, proxyUsers, fromFile, siteFile.toString());
    }
    put(values, proxyUsers, overrides, "-D");
    return new MetasyncConfiguration(values, proxyUsers);
  }

  /** This configuration with {@code overrides} applied on top. */
  public MetasyncConfiguration with(Map<String, String> overrides) {
    Map<PropertyKey, String> merged = new HashMap<>(values);
    Map<String, String> mergedProxyUsers = new HashMap<>(proxyUserValues);
    put(merged, mergedProxyUsers, overrides, "-D");
    return new MetasyncConfiguration(merged, mergedProxyUsers);
  }

  private static void put(
      Map<PropertyKey, String> values,
      Map<String, String> proxyUsers,
      Map<String, String> entries,
      String source) {
    entries.forEach(
        (name, value) -> {
          requireNonNull(value, "value is null");
          if (PropertyKey.PROXY_USER_KEY.matcher(name).matches()) {
            proxyUsers.put(name, value.strip());
            return;
          }
          PropertyKey key =
              PropertyKey.fromKey(name)
                  .orElseThrow(
                      () ->
                          MetasyncException.invalidArgument(
                              "unknown configuration key "
                                  + name
                                  + " (from "
                                  + source
                                  + "); see docs/configuration.md"));
          try {
            key.kind().check(value);
          } catch (IllegalArgumentException e) {
            throw MetasyncException.invalidArgument(
                "bad value '"
                    + value
                    + "' for "
                    + name
                    + " (from "
                    + source
                    + "): expected "
                    + key.kind().expected());
          }
          values.put(key, value.strip());
        });
  }

  /** The {@code metasync.security.proxyuser.<user>.users} and {@code .groups} settings, by key. */
  public Map<String, String> proxyUserSettings() {
    return proxyUserValues;
  }

  /**
   * One line for each value that was set (by file or {@code -D}) and is valid but probably not
   * meant, such as {@code metasync.user.file.metadata.sync.interval=30 means 30 ms; write 30s for
   * seconds}; sorted by key. The command line prints them once, on stderr.
   */
  public List<String> warnings() {
    return values.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(PropertyKey::key)))
        .flatMap(entry -> entry.getKey().warning(entry.getValue()).stream())
        .toList();
  }

  public String get(PropertyKey key) {
    return values.getOrDefault(key, key.defaultValue());
  }

  public int getInt(PropertyKey key) {
    return Integer.parseInt(get(key));
  }

  public boolean getBoolean(PropertyKey key) {
    return Boolean.parseBoolean(get(key));
  }

  public Duration getDuration(PropertyKey key) {
    return DurationFormat.parse(get(key));
  }

  public SyncInterval getSyncInterval(PropertyKey key) {
    return SyncInterval.parse(get(key));
  }

  public AuthenticationType getAuthenticationType(PropertyKey key) {
    return AuthenticationType.valueOf(get(key).toUpperCase(Locale.ROOT));
  }

  /** An octal key's value, such as a umask. */
  public int getOctal(PropertyKey key) {
    return Integer.parseInt(get(key), 8);
  }

  public LoadType getLoadType(PropertyKey key) {
    return LoadType.valueOf(get(key).toUpperCase(Locale.ROOT));
  }

  public MetastoreType getMetastoreType(PropertyKey key) {
    return MetastoreType.valueOf(get(key).toUpperCase(Locale.ROOT));
  }

  /**
   * A folder or file key's value as a path; a relative one is resolved against {@link
   * PropertyKey#HOME}.
   */
  public Path getPath(PropertyKey key) {
    Path home = Path.of(get(PropertyKey.HOME));
    return home.resolve(get(key)).toAbsolutePath().normalize();
  }

  /** An {@link PropertyKey.ValueKind#ABSOLUTE_FOLDERS} key's folders, normalized; maybe none. */
  public List<Path> getFolders(PropertyKey key) {
    return PropertyKey.ValueKind.absoluteFolders(get(key));
  }

  /**
   * Whether {@code key} was set explicitly (by file or {@code -D}) rather than left at its default.
   */
  public boolean isSet(PropertyKey key) {
    return values.containsKey(key);
  }
}
