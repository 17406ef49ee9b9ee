package io.metasync.ufs;

/** What a change event says happened to a path. */
public enum ChangeKind {
  /** A file or folder appeared. */
  CREATE,
  /** A file or folder disappeared. */
  DELETE,
  /** A file or folder moved from {@code path} to {@code destination}. */
  RENAME,
  /** Owner, group, mode or times changed; the bytes did not. */
  METADATA,
  /** The bytes changed: written and closed, appended, truncated. */
  CONTENT
}
