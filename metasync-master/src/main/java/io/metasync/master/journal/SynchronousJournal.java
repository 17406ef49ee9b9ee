package io.metasync.master.journal;

import static java.util.Objects.requireNonNull;

import io.metasync.proto.journal.JournalEntry;

/**
 * TEMPORARY: applies entries in the caller's thread with no log, until the Ratis journal is wired
 * in.
 */
public final class SynchronousJournal implements Journal {
  private final JournaledState state;

  public SynchronousJournal(JournaledState state) {
    this.state = requireNonNull(state, "state is null");
  }

  @Override
  public synchronized void write(JournalEntry entry) {
    state.apply(entry);
  }

  @Override
  public void close() {}
}
