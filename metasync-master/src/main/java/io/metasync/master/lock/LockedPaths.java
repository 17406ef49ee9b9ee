package io.metasync.master.lock;

/** Locks held by one {@link PathLockManager#lock} call; {@link #close} releases them all. */
public interface LockedPaths extends AutoCloseable {
  @Override
  void close();
}
