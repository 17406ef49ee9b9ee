package io.metasync.master.journal;

import io.metasync.proto.journal.JournalEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The state that a {@link Journal} rebuilds: entries are applied one at a time in log order, by one
 * thread, deterministically (never calling the UFS or reading the clock). A failure in {@link
 * #apply} is fatal to the master: the state would no longer match the log.
 */
public interface JournaledState {
  /** Applies one committed entry. */
  void apply(JournalEntry entry);

  /** Writes the whole state as of the last applied entry; no entry is applied while this runs. */
  void writeSnapshot(OutputStream out) throws IOException;

  /**
   * Replaces the whole state with a snapshot's.
   *
   * @throws IOException when the snapshot is unreadable or corrupt
   */
  void loadSnapshot(InputStream in) throws IOException;
}
