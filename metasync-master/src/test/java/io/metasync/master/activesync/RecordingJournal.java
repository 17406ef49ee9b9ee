package io.metasync.master.activesync;

import io.metasync.common.NamespacePath;
import io.metasync.master.inode.HeapInodeStore;
import io.metasync.master.journal.ActiveSyncRecords;
import io.metasync.master.journal.Journal;
import io.metasync.master.journal.NamespaceState;
import io.metasync.master.mount.MountTable;
import io.metasync.proto.journal.AddSyncPoint;
import io.metasync.proto.journal.FeedCursorUpdate;
import io.metasync.proto.journal.JournalEntry;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory journal: keeps each entry written and applies it to a namespace state of its own, so
 * that active sync reads back its records as from the real journal.
 */
final class RecordingJournal implements Journal {
  private final List<JournalEntry> entries = new CopyOnWriteArrayList<>();
  private final NamespaceState state;

  RecordingJournal(MountTable mounts) {
    state =
        new NamespaceState(
            new HeapInodeStore(),
            mounts,
            (uri, properties) -> {
              throw new IOException("no UFS is opened in this test");
            });
  }

  @Override
  public synchronized void write(JournalEntry entry) {
    state.apply(entry);
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
    return state.activeSync();
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
