package io.metasync.master.journal;

import io.metasync.proto.journal.JournalEntry;

/**
 * The durable, replicated log of namespace mutations. An operation prepares its effects (UFS calls,
 * statuses, ids) on its own thread, holding its path locks, and writes one entry; the entry is
 * applied to the state by the log's {@link JournaledState}, in log order, before {@link #write}
 * returns. A mutation is acknowledged only after that, so an acknowledged mutation survives a crash
 * (invariant 5).
 */
public interface Journal extends AutoCloseable {
  /**
   * Appends {@code entry}, waits until it is committed and applied to this master's state. Safe to
   * call from many threads at once; concurrent entries are pipelined and batched by the log.
   *
   * @throws io.metasync.common.MetasyncException UNAVAILABLE when the log cannot commit it
   */
  void write(JournalEntry entry);

  /** Where this master stands in its group; a journal of one master always leads. */
  default JournalRole role() {
    return JournalRole.alone(-1);
  }

  /**
   * Waits until this master's state includes every entry committed before the call, and fails
   * unless this master still leads: a read served after this never shows an older state than a
   * client saw before (a deposed leader cannot answer). Free for a journal of one master.
   *
   * @throws io.metasync.common.MetasyncException UNAVAILABLE when this master does not lead
   */
  default void awaitCommitted() {}

  /**
   * Stops the log cleanly (a clean stop also takes a snapshot, so the next start replays nothing).
   */
  @Override
  void close();
}
