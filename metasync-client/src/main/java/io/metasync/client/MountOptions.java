package io.metasync.client;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * How to mount a UFS: read-only (writes through metasync are refused), shared (recorded in the
 * mount table; the master does not act on it yet), and UFS properties such as HDFS client settings.
 */
public record MountOptions(boolean readOnly, boolean shared, Map<String, String> options) {
  public static final MountOptions DEFAULTS = new MountOptions(false, false, Map.of());

  public MountOptions {
    options = Map.copyOf(requireNonNull(options, "options is null"));
  }
}
