package io.metasync.master.pathconf;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.common.PropertyKey;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The client-side configuration keys that a path may set (fs pathConf). */
public enum PathConfKey {
  SYNC_INTERVAL(PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL),
  LOAD_TYPE(PropertyKey.USER_FILE_METADATA_LOAD_TYPE);

  private final PropertyKey property;

  PathConfKey(PropertyKey property) {
    this.property = property;
  }

  public PropertyKey property() {
    return property;
  }

  public String key() {
    return property.key();
  }

  /** The allowed keys, for messages: "a, b". */
  public static String allowed() {
    return Arrays.stream(values()).map(PathConfKey::key).collect(Collectors.joining(", "));
  }

  /**
   * The path-configurable key named {@code name}.
   *
   * @throws MetasyncException INVALID_ARGUMENT listing the allowed keys
   */
  public static PathConfKey of(String name) {
    for (PathConfKey key : values()) {
      if (key.key().equals(name)) {
        return key;
      }
    }
    throw MetasyncException.invalidArgument(
        "'" + name + "' cannot be set on a path; the keys a path may set are " + allowed());
  }

  /**
   * {@code value} checked as the configuration checks it (so it reads back as the configuration
   * would), stripped.
   *
   * @throws MetasyncException INVALID_ARGUMENT naming the key, the path and what is expected
   */
  String check(String value, NamespacePath path) {
    try {
      return MetasyncConfiguration.of(Map.of(key(), value)).get(property);
    } catch (MetasyncException e) {
      throw new MetasyncException(
          ErrorCode.INVALID_ARGUMENT,
          "bad value '"
              + value
              + "' for "
              + key()
              + " on "
              + path
              + ": expected "
              + property.kind().expected());
    }
  }
}
