package io.metasync.client;

import static java.util.Objects.requireNonNull;

/** A path whose cached metadata differs from the UFS, and how. */
public record Inconsistency(String path, String description) {
  public Inconsistency {
    requireNonNull(path, "path is null");
    requireNonNull(description, "description is null");
  }
}
