package io.metasync.master.sync;

import io.metasync.common.NamespacePath;
import java.util.OptionalLong;

/**
 * Paths the UFS said do not exist, with the start time of the check that found them absent, so a
 * repeated lookup of a missing path within its sync interval does not ask the UFS again. Bounded:
 * past the capacity the oldest records are forgotten.
 *
 * <p>TODO(helper): implementation pending.
 */
public final class AbsentPathCache {
  public AbsentPathCache(int capacity) {}

  public void recordAbsent(NamespacePath path, long checkStartMs) {
    throw new UnsupportedOperationException("pending");
  }

  /** When {@code path} was found absent, or empty when not known to be absent. */
  public OptionalLong absentSince(NamespacePath path) {
    throw new UnsupportedOperationException("pending");
  }

  /** Forgets {@code path} and every path below it (something was created or moved there). */
  public void forgetSubtree(NamespacePath path) {
    throw new UnsupportedOperationException("pending");
  }
}
