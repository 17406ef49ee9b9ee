package io.metasync.client;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** One entry of the mount table: a namespace path, the UFS URI under it and its options. */
public record MountInfo(
    String path, String ufsUri, boolean readOnly, boolean shared, Map<String, String> options) {
  public MountInfo {
    requireNonNull(path, "path is null");
    requireNonNull(ufsUri, "ufsUri is null");
    options = Map.copyOf(requireNonNull(options, "options is null"));
  }
}
