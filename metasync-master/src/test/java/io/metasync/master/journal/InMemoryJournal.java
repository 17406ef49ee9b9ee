package io.metasync.master.journal;

import static java.util.Objects.requireNonNull;

import io.metasync.proto.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * A journal in memory, for unit tests of the engine without Ratis: {@link #write} applies the entry
 * to the state at once, on the caller's thread, one entry at a time (as the log's applying thread
 * would), and keeps it, so that a test can replay the log into a fresh state as a restart does.
 */
public final class InMemoryJournal implements Journal {
  private final JournaledState state;
  private final List<JournalEntry> entries = new ArrayList<>();

  public InMemoryJournal(JournaledState state) {
    this.state = requireNonNull(state, "state is null");
  }

  @Override
  public synchronized void write(JournalEntry entry) {
    state.apply(entry);
    entries.add(entry);
  }

  /** Every entry written so far, in log order. */
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  /** Applies every entry written so far to {@code other}, in log order, as a restart replays. */
  public synchronized void replayInto(JournaledState other) {
    entries.forEach(other::apply);
  }

  @Override
  public void close() {}
}
