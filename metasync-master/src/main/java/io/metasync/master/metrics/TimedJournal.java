package io.metasync.master.metrics;

import static java.util.Objects.requireNonNull;

import io.metasync.common.Ticker;
import io.metasync.master.journal.Journal;
import io.metasync.master.journal.JournalRole;
import io.metasync.proto.journal.JournalEntry;

/**
 * A journal that times each write, from the append to its entry applied on this master (what a
 * mutation waits for), and counts the writes that fail.
 */
final class TimedJournal implements Journal {
  private final Journal journal;
  private final Histogram writes;
  private final Counter failures;
  private final Ticker ticker;

  TimedJournal(Journal journal, Histogram writes, Counter failures, Ticker ticker) {
    this.journal = requireNonNull(journal, "journal is null");
    this.writes = requireNonNull(writes, "writes is null");
    this.failures = requireNonNull(failures, "failures is null");
    this.ticker = requireNonNull(ticker, "ticker is null");
  }

  @Override
  public void write(JournalEntry entry) {
    long start = ticker.nanos();
    try {
      journal.write(entry);
    } catch (RuntimeException e) {
      failures.labels().increment();
      throw e;
    } finally {
      writes.labels().observeNanos(ticker.nanos() - start);
    }
  }

  @Override
  public JournalRole role() {
    return journal.role();
  }

  @Override
  public void awaitCommitted() {
    journal.awaitCommitted();
  }

  @Override
  public void close() {
    journal.close();
  }
}
