package io.metasync.master.journal;

import io.metasync.proto.journal.JournalEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The state that a {@link Journal} rebuilds: entries are applied one at a time in log order, by one
 * thread, deterministically (never calling the UFS or reading the clock). A failure in {@link
 * #apply} is fatal to the master: the state would no longer match the log.
 */
public interface JournaledState {
  /** Applies one committed entry. */
  void apply(JournalEntry entry);

  /**
   * Applies one committed entry, which is at {@code index} in the log (what a state that tells
   * others about its changes names them by; see {@code WatchedState}).
   */
  default void apply(long index, JournalEntry entry) {
    apply(entry);
  }

  /** Writes the whole state as of the last applied entry; no entry is applied while this runs. */
  void writeSnapshot(OutputStream out) throws IOException;

  /**
   * Replaces the whole state with a snapshot's.
   *
   * @throws IOException when the snapshot is unreadable or corrupt
   */
  void loadSnapshot(InputStream in) throws IOException;

  /**
   * As {@link #writeSnapshot(OutputStream)}, and may put files that belong to the snapshot into
   * {@code files}, a folder that does not exist yet beside the snapshot file (e.g. a RocksDB
   * checkpoint); the journal keeps and deletes that folder with the snapshot.
   */
  default void writeSnapshot(OutputStream out, Path files) throws IOException {
    writeSnapshot(out);
  }

  /**
   * As {@link #loadSnapshot(InputStream)}, for a snapshot written by {@link
   * #writeSnapshot(OutputStream, Path)} with that {@code files} folder (which may not exist).
   */
  default void loadSnapshot(InputStream in, Path files) throws IOException {
    loadSnapshot(in);
  }
}
