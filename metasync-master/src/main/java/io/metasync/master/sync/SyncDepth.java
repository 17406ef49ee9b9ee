package io.metasync.master.sync;

/** How much of a path a sync covered. Each depth covers the ones before it. */
public enum SyncDepth {
  /** The entry itself (a {@code stat}). */
  SELF,
  /** The entry and its direct children (a one-level listing). */
  CHILDREN,
  /** The entry and everything below it (a recursive sync). */
  SUBTREE
}
