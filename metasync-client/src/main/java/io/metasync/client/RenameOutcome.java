package io.metasync.client;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a rename under Hadoop's rules ({@link MetasyncClient#renameAsHadoop}) did: the status at the
 * new path, or, when Hadoop would answer {@code false}, why not.
 */
public record RenameOutcome(Optional<FileStatus> renamed, String refusal) {
  public RenameOutcome {
    requireNonNull(renamed, "renamed is null");
    requireNonNull(refusal, "refusal is null");
  }

  public boolean isRenamed() {
    return renamed.isPresent();
  }
}
