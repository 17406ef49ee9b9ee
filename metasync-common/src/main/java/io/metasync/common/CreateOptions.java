package io.metasync.common;

import static java.util.Objects.requireNonNull;

/**
 * What a file creation does about what is already at its path and above it: the command line's
 * create refuses both; Hadoop's {@code create} replaces a file (with overwrite) and creates missing
 * parents.
 */
public record CreateOptions(ExistingEntry existing, MissingParents missingParents) {
  /** The command line's: an existing entry and a missing parent are errors. */
  public static final CreateOptions REFUSE_EXISTING =
      new CreateOptions(ExistingEntry.REFUSE, MissingParents.REFUSE);

  public CreateOptions {
    requireNonNull(existing, "existing is null");
    requireNonNull(missingParents, "missingParents is null");
  }

  /** Hadoop's {@code create}: missing parents are created, a file replaced if {@code overwrite}. */
  public static CreateOptions hadoop(boolean overwrite) {
    return new CreateOptions(
        overwrite ? ExistingEntry.REPLACE_FILE : ExistingEntry.REFUSE, MissingParents.CREATE);
  }

  /** What is done about an entry already at the path. */
  public enum ExistingEntry {
    /** ALREADY_EXISTS. */
    REFUSE,
    /** A file is replaced under the path's write lock; a folder is still refused. */
    REPLACE_FILE
  }

  /** What is done about missing parent folders. */
  public enum MissingParents {
    /** NOT_FOUND. */
    REFUSE,
    /** They are created first, as {@code mkdir -p} does. */
    CREATE
  }
}
