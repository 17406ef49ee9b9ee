package io.metasync.master.activesync;

import io.metasync.common.NamespacePath;
import io.metasync.master.journal.Journal;
import io.metasync.proto.journal.AddSyncPoint;
import io.metasync.proto.journal.FeedCursorUpdate;
import io.metasync.proto.journal.JournalEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory journal of active sync's entries only: keeps each entry written and applies it to
 * active sync's records, so that active sync reads them back as from the real journal.
 */
final class RecordingJournal implements Journal {
  private final List<JournalEntry> entries = new CopyOnWriteArrayList<>();
  private final ActiveSyncRecords records = new ActiveSyncRecords();

  @Override
  public synchronized void write(JournalEntry entry) {
    records.apply(entry);
    entries.add(entry);
  }

  List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  /** The feed-cursor entries written, in order. */
  List<FeedCursorUpdate> progress() {
    return entries.stream()
        .filter(JournalEntry::hasFeedCursor)
        .map(JournalEntry::getFeedCursor)
        .toList();
  }

  ActiveSyncRecords records() {
    return records;
  }

  /** As if a sync point and its mount's cursor had been journaled before a restart. */
  void journaledBefore(NamespacePath syncPoint, NamespacePath mountPath, String cursor) {
    write(
        JournalEntry.newBuilder()
            .setAddSyncPoint(AddSyncPoint.newBuilder().setPath(syncPoint.toString()))
            .build());
    write(
        JournalEntry.newBuilder()
            .setFeedCursor(
                FeedCursorUpdate.newBuilder().setMountPath(mountPath.toString()).setCursor(cursor))
            .build());
  }

  @Override
  public void close() {}
}
