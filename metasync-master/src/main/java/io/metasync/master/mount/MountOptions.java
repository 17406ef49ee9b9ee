package io.metasync.master.mount;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

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

  /** The properties in key order, for display. */
  public Map<String, String> sortedProperties() {
    return new TreeMap<>(properties);
  }
}
