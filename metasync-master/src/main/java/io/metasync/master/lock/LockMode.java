package io.metasync.master.lock;

/** How a path is locked: many readers, or one writer. */
public enum LockMode {
  READ,
  WRITE
}
