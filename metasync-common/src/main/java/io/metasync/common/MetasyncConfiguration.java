package io.metasync.common;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  private MetasyncConfiguration(Map<PropertyKey, String> values) {
    this.values = Map.copyOf(values);
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
    put(values, overrides, "-D");
    return new MetasyncConfiguration(values);
  }

  /**
   * Reads {@code siteFile} if it exists, then applies {@code overrides} (the {@code -D} options).
   *
   * @throws MetasyncException INVALID_ARGUMENT naming the key and where it came from, for an
   *     unknown key, a bad value or an unreadable file
   */
  public static MetasyncConfiguration load(Path siteFile, Map<String, String> overrides) {
    Map<PropertyKey, String> values = new HashMap<>();
    if (Files.exists(siteFile)) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(siteFile, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        throw MetasyncException.invalidArgument(
            "cannot read configuration file " + siteFile + ": " + e.getMessage());
      }
      Map<String, String> fromFile = new HashMap<>();
      properties
          .stringPropertyNames()
          .forEach(name -> fromFile.put(name, properties.getProperty(name)));
      put(values, fromFile, siteFile.toString());
    }
    put(values, overrides, "-D");
    return new MetasyncConfiguration(values);
  }

  /** This configuration with {@code overrides} applied on top. */
  public MetasyncConfiguration with(Map<String, String> overrides) {
    Map<PropertyKey, String> merged = new HashMap<>(values);
    put(merged, overrides, "-D");
    return new MetasyncConfiguration(merged);
  }

  private static void put(
      Map<PropertyKey, String> values, Map<String, String> entries, String source) {
    entries.forEach(
        (name, value) -> {
          requireNonNull(value, "value is null");
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
