package io.metasync.hadoop;

import io.metasync.client.CallOptions;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;

/**
 * The per-call sync interval and load type, read from the file system's Hadoop configuration under
 * metasync's own key names (so Spark sets them as {@code spark.hadoop.metasync.user...}). The two
 * raw values are compared on every call and parsed again only when they changed: a later {@code
 * conf.set} takes effect on the next call at the cost of two map lookups.
 */
final class CallOptionsReader {
  private static final PropertyKey INTERVAL = PropertyKey.USER_FILE_METADATA_SYNC_INTERVAL;
  private static final PropertyKey LOAD_TYPE = PropertyKey.USER_FILE_METADATA_LOAD_TYPE;

  private final Configuration conf;
  private String rawInterval;
  private String rawLoadType;
  private CallOptions options;

  CallOptionsReader(Configuration conf) {
    this.conf = conf;
  }

  /**
   * @throws IllegalArgumentException naming the key when a value is malformed
   */
  synchronized CallOptions current() {
    String interval = conf.getTrimmed(INTERVAL.key());
    String loadType = conf.getTrimmed(LOAD_TYPE.key());
    if (options == null
        || !Objects.equals(interval, rawInterval)
        || !Objects.equals(loadType, rawLoadType)) {
      Map<String, String> settings = new HashMap<>();
      if (interval != null) {
        settings.put(INTERVAL.key(), interval);
      }
      if (loadType != null) {
        settings.put(LOAD_TYPE.key(), loadType);
      }
      options = CallOptions.from(parse(settings));
      rawInterval = interval;
      rawLoadType = loadType;
    }
    return options;
  }

  /** Whether file bytes are read from the UFS directly ({@code metasync.user.file.read.direct}). */
  static boolean readDirect(Configuration conf) {
    String value = conf.getTrimmed(PropertyKey.USER_FILE_READ_DIRECT.key());
    if (value == null) {
      return MetasyncConfiguration.defaults().getBoolean(PropertyKey.USER_FILE_READ_DIRECT);
    }
    return parse(Map.of(PropertyKey.USER_FILE_READ_DIRECT.key(), value))
        .getBoolean(PropertyKey.USER_FILE_READ_DIRECT);
  }

  private static MetasyncConfiguration parse(Map<String, String> settings) {
    try {
      return MetasyncConfiguration.of(settings);
    } catch (MetasyncException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
