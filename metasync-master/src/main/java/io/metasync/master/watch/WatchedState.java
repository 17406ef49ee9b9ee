package io.metasync.master.watch;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.master.inode.InodeStore;
import io.metasync.master.journal.JournaledState;
import io.metasync.proto.journal.JournalEntry;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The namespace's journaled state, telling a {@link ChangeHub} what each applied entry changed. The
 * changes are found before the entry is applied (a move needs the old path, a deletion the path
 * that goes) and handed on after it was, with the entry's index. Replaying the log at start goes
 * through here too, so the hub's recent changes cover the replayed entries.
 *
 * <p>The recent changes are kept with each snapshot, as a file in the snapshot's files folder: a
 * master restarted from it (or a standby that installed it) resumes the cursors its watchers had,
 * without a gap or a repeat.
 */
public final class WatchedState implements JournaledState {
  private static final Logger LOG = LoggerFactory.getLogger(WatchedState.class);

  /** The file of recent changes in a snapshot's files folder. */
  static final String RECENT_CHANGES_FILE = "recent-changes";

  private static final int BUFFER_SIZE = 1 << 16;

  private final JournaledState state;
  private final ChangeDetector detector;
  private final ChangeHub hub;

  /**
   * @param store the inodes that {@code state} applies entries to, read to tell the changes
   */
  public WatchedState(JournaledState state, InodeStore store, ChangeHub hub) {
    this.state = requireNonNull(state, "state is null");
    this.detector = new ChangeDetector(store);
    this.hub = requireNonNull(hub, "hub is null");
  }

  /** For a journal without indexes (one in memory): numbers the entries one after the other. */
  @Override
  public void apply(JournalEntry entry) {
    apply(hub.lastIndex() + 1, entry);
  }

  /**
   * A failure to tell the changes is not a failure of the apply: the namespace stays right, only
   * its watchers must start over (and a bug is logged).
   */
  @Override
  public void apply(long index, JournalEntry entry) {
    List<Change> changes;
    RuntimeException detection = null;
    try {
      changes = detector.changesOf(entry);
    } catch (RuntimeException e) {
      changes = List.of();
      detection = e;
    }
    state.apply(index, entry);
    if (detection == null) {
      hub.applied(index, changes);
    } else {
      LOG.error(
          "cannot tell the changes of journal entry {}; watchers start over", index, detection);
      hub.lost(
          index,
          new MetasyncException(
              ErrorCode.OUT_OF_RANGE,
              "the master could not tell the changes of journal entry "
                  + index
                  + " (see its log); list the path again and watch from index "
                  + index));
    }
  }

  @Override
  public void writeSnapshot(OutputStream out) throws IOException {
    state.writeSnapshot(out);
  }

  @Override
  public void loadSnapshot(InputStream in) throws IOException {
    state.loadSnapshot(in);
    hub.recentUnknown();
  }

  @Override
  public void writeSnapshot(OutputStream out, Path files) throws IOException {
    state.writeSnapshot(out, files);
    Files.createDirectories(files);
    try (OutputStream file =
        new BufferedOutputStream(
            Files.newOutputStream(files.resolve(RECENT_CHANGES_FILE)), BUFFER_SIZE)) {
      hub.writeRecent(file);
    }
  }

  @Override
  public void loadSnapshot(InputStream in, Path files) throws IOException {
    state.loadSnapshot(in, files);
    Path recent = files == null ? null : files.resolve(RECENT_CHANGES_FILE);
    if (recent == null || !Files.isRegularFile(recent)) {
      hub.recentUnknown(); // a snapshot of an older master
      return;
    }
    try (InputStream file = new BufferedInputStream(Files.newInputStream(recent), BUFFER_SIZE)) {
      hub.readRecent(file);
    }
  }
}
