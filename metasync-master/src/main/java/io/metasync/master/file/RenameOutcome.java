package io.metasync.master.file;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a rename under Hadoop's rules did: the status at the new path, or why it was refused (what
 * Hadoop's {@code FileSystem.rename} answers with {@code false}).
 */
public record RenameOutcome(Optional<PathStatus> renamed, String refusal) {
  public RenameOutcome {
    requireNonNull(renamed, "renamed is null");
    requireNonNull(refusal, "refusal is null");
  }

  static RenameOutcome renamed(PathStatus status) {
    return new RenameOutcome(Optional.of(status), "");
  }

  static RenameOutcome refused(String why) {
    return new RenameOutcome(Optional.empty(), why);
  }
}
