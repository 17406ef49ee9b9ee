package io.metasync.master.watch;

import io.metasync.common.MetasyncException;

/**
 * Where a subscription delivers: a watcher's stream. Called by one thread at a time, never the
 * thread that applies the journal.
 */
public interface ChangeSink {
  /** Whether the watcher can take another message now (its flow-control window is open). */
  boolean ready();

  /** Sends one entry's changes (the first message: none, with the cursor they follow). */
  void send(EntryChanges entry);

  /** Ends the stream with this error. */
  void fail(MetasyncException error);
}
