package io.metasync.master.watch;

import static io.metasync.common.Preconditions.checkArgument;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.proto.watch.RecentChangesHeader;
import io.metasync.proto.watch.WatchResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The changes of the latest journal entries, at most a bounded number of changes: what a watcher
 * that resumes from a cursor is sent first. It knows the index after which it is complete, so a
 * cursor older than that is refused rather than answered with a gap. Not thread-safe: the {@link
 * ChangeHub} guards it.
 */
final class RecentChanges {
  /** Not known yet: loaded from a snapshot that kept no changes, no entry applied since. */
  private static final long UNKNOWN = Long.MIN_VALUE;

  private final int capacity;
  private final Deque<EntryChanges> entries = new ArrayDeque<>();
  private long changeCount;

  /** Every change of every entry after this index is kept. */
  private long completeAfter = -1;

  private long lastIndex = -1;

  /**
   * @param capacity how many changes are kept at most (the oldest entries go first)
   */
  RecentChanges(int capacity) {
    checkArgument(capacity > 0, "the number of kept changes must be positive: %s", capacity);
    this.capacity = capacity;
  }

  /** The entry at {@code index} was applied, with these changes (maybe none). */
  void applied(long index, List<Change> changes) {
    if (completeAfter == UNKNOWN) {
      completeAfter = index - 1;
    }
    lastIndex = index;
    if (changes.isEmpty()) {
      return;
    }
    entries.addLast(new EntryChanges(index, changes));
    changeCount += changes.size();
    while (changeCount > capacity) {
      EntryChanges dropped = entries.removeFirst();
      changeCount -= dropped.changes().size();
      completeAfter = dropped.index();
    }
  }

  /** The last index applied; -1 before any. */
  long lastIndex() {
    return lastIndex;
  }

  /** Forgets every change: a cursor up to {@code index} can no longer be resumed from. */
  void forgetUpTo(long index) {
    entries.clear();
    changeCount = 0;
    completeAfter = index;
    lastIndex = Math.max(lastIndex, index);
  }

  /**
   * The kept entries after {@code from}, oldest first.
   *
   * @throws MetasyncException OUT_OF_RANGE when changes after {@code from} are no longer kept, or
   *     {@code from} is past the last applied entry
   */
  List<EntryChanges> after(long from, NamespacePath path) {
    if (completeAfter == UNKNOWN || from < completeAfter) {
      String since = completeAfter == UNKNOWN ? "the last restart" : "index " + completeAfter;
      throw new MetasyncException(
          ErrorCode.OUT_OF_RANGE,
          "changes before "
              + since
              + " are no longer kept (asked from index "
              + from
              + "); list "
              + path
              + " again and watch from index "
              + lastIndex);
    }
    if (from > lastIndex) {
      throw new MetasyncException(
          ErrorCode.OUT_OF_RANGE,
          "index "
              + from
              + " is past this master's last journal entry "
              + lastIndex
              + " (a cursor of another journal?); list "
              + path
              + " again and watch from index "
              + lastIndex);
    }
    List<EntryChanges> after = new ArrayList<>();
    for (var it = entries.descendingIterator(); it.hasNext(); ) {
      EntryChanges entry = it.next();
      if (entry.index() <= from) {
        break;
      }
      after.add(entry);
    }
    Collections.reverse(after);
    return after;
  }

  /** Writes the kept changes (see {@link RecentChangesHeader}). */
  void writeTo(OutputStream out) throws IOException {
    RecentChangesHeader.newBuilder()
        .setCompleteAfter(completeAfter)
        .setLastIndex(lastIndex)
        .setEntryCount(entries.size())
        .build()
        .writeDelimitedTo(out);
    for (EntryChanges entry : entries) {
      ChangeProtos.toProto(entry).writeDelimitedTo(out);
    }
  }

  /** Replaces the kept changes with those {@link #writeTo} wrote. */
  void readFrom(InputStream in) throws IOException {
    RecentChangesHeader header = RecentChangesHeader.parseDelimitedFrom(in);
    if (header == null) {
      throw new IOException("the file of recent changes is empty");
    }
    entries.clear();
    changeCount = 0;
    for (long i = 0; i < header.getEntryCount(); i++) {
      WatchResponse entry = WatchResponse.parseDelimitedFrom(in);
      if (entry == null) {
        throw new IOException(
            "the file of recent changes is truncated: it holds "
                + i
                + " of its "
                + header.getEntryCount()
                + " entries");
      }
      entries.addLast(ChangeProtos.fromProto(entry));
      changeCount += entry.getChangesCount();
    }
    completeAfter = header.getCompleteAfter();
    lastIndex = header.getLastIndex();
    while (changeCount > capacity) {
      EntryChanges dropped = entries.removeFirst();
      changeCount -= dropped.changes().size();
      completeAfter = dropped.index();
    }
  }

  /** Loaded from a snapshot that kept none: complete only after the next applied entry's index. */
  void resetUnknown() {
    entries.clear();
    changeCount = 0;
    completeAfter = UNKNOWN;
  }
}
