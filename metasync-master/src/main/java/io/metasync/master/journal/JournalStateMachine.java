package io.metasync.master.journal;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import io.metasync.common.ErrorCode;
import io.metasync.common.Folders;
import io.metasync.common.MetasyncException;
import io.metasync.common.Ticker;
import io.metasync.proto.journal.JournalEntry;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis state machine of the journal: applies committed entries to a {@link JournaledState} in
 * log order, and writes and loads its snapshots (one file per snapshot, {@code
 * snapshot.<term>_<index>} with an MD5 file beside it, in the state machine folder of Ratis's
 * storage, and the state's own files for that snapshot, if any, in the folder {@code
 * snapshot.<term>_<index>.files} beside them: the RocksDB checkpoint of the inodes).
 *
 * <p>Shaped after Ratis's {@code CounterStateMachine}: the state and the {@link TermIndex} it
 * reflects change together under one lock, so a snapshot never pairs a state with the wrong index.
 * A failure in apply is fatal: the state would no longer match the log, so this machine refuses
 * every later entry, and the exception thrown to Ratis stops its apply thread and closes the Ratis
 * server.
 */
final class JournalStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(JournalStateMachine.class);
  private static final int BUFFER_SIZE = 1 << 16;

  private final JournaledState state;
  private final Path journalFolder;
  private final Ticker ticker;
  private final Consumer<? super MetasyncException> onApplyFailure;
  private final SimpleStateMachineStorage storage = new SnapshotStorage();
  private final SnapshotFileList snapshotFiles = new SnapshotFileList();

  /**
   * Held while an entry is applied or a snapshot written or loaded: state + index move together.
   */
  private final Object stateLock = new Object();

  private final AtomicLong appliedEntries = new AtomicLong();
  private final CompletableFuture<Void> leaderReady = new CompletableFuture<>();

  /** Completed exceptionally, with a {@link MetasyncException}, when an apply failed. */
  private final CompletableFuture<Void> failure = new CompletableFuture<>();

  /** Futures waiting for an applied index, by that index. */
  private final ConcurrentSkipListMap<Long, CompletableFuture<Void>> appliedWaiters =
      new ConcurrentSkipListMap<>();

  private final LeadershipEvents leadership;

  private volatile MetasyncException startupFailure;
  private volatile MetasyncException applyFailure;

  /** {@code ticker} times snapshots for the log. */
  JournalStateMachine(
      JournaledState state,
      Path journalFolder,
      Ticker ticker,
      Consumer<? super MetasyncException> onApplyFailure,
      LeadershipEvents leadership) {
    this.leadership = requireNonNull(leadership, "leadership is null");
    this.state = requireNonNull(state, "state is null");
    this.journalFolder = requireNonNull(journalFolder, "journalFolder is null");
    this.ticker = requireNonNull(ticker, "ticker is null");
    this.onApplyFailure = requireNonNull(onApplyFailure, "onApplyFailure is null");
  }

  /** Entries applied by this machine since it was created (not counting a loaded snapshot). */
  long appliedEntries() {
    return appliedEntries.get();
  }

  /** Completes when this peer leads and has applied every entry of earlier terms. */
  CompletableFuture<Void> leaderReady() {
    return leaderReady;
  }

  /**
   * Fails with the {@link MetasyncException} of the first failed apply; never completes normally.
   */
  CompletableFuture<Void> failure() {
    return failure;
  }

  /** Why the journal stopped applying entries, if it did. */
  Optional<MetasyncException> applyFailure() {
    return Optional.ofNullable(applyFailure);
  }

  /** Why the journal could not start (an unreadable snapshot), if that was the reason. */
  Optional<MetasyncException> startupFailure() {
    return Optional.ofNullable(startupFailure);
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage)
      throws IOException {
    super.initialize(server, groupId, raftStorage);
    storage.init(raftStorage);
    deleteUnfinishedSnapshots(raftStorage.getStorageDir().getStateMachineDir().toPath());
    getLifeCycle().transition(LifeCycle.State.STARTING);
    loadLatestSnapshot();
    getLifeCycle().transition(LifeCycle.State.RUNNING);
  }

  /** Ratis pauses a follower before it installs a snapshot sent by the leader. */
  @Override
  public void pause() {
    getLifeCycle().transition(LifeCycle.State.PAUSING);
    getLifeCycle().transition(LifeCycle.State.PAUSED);
  }

  /** Ratis reinitializes a paused follower once the leader's snapshot is in place. */
  @Override
  public void reinitialize() throws IOException {
    getLifeCycle().transition(LifeCycle.State.STARTING);
    loadLatestSnapshot();
    getLifeCycle().transition(LifeCycle.State.RUNNING);
  }

  @Override
  public SimpleStateMachineStorage getStateMachineStorage() {
    return storage;
  }

  /**
   * The newest snapshot with every file it is made of, the snapshot file first and then the files
   * of its checkpoint folder: what Ratis sends a follower that needs entries the log no longer has.
   * The follower receives them into a temporary folder, with the same paths relative to the state
   * machine folder, and swaps that folder in for its own before {@link #reinitialize}, so the
   * installed snapshot has this same layout and replaces the follower's older ones.
   */
  @Override
  public SnapshotInfo getLatestSnapshot() {
    SingleFileSnapshotInfo latest = storage.getLatestSnapshot();
    if (latest == null) {
      return null;
    }
    try {
      return snapshotFiles.of(latest);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list the files of the journal snapshot "
              + latest.getFile().getPath()
              + " ("
              + e.getMessage()
              + "); check the journal folder "
              + journalFolder,
          e);
    }
  }

  /**
   * Completes once the entry at {@code index} (or a snapshot past it) is applied; at once when it
   * already is.
   */
  CompletableFuture<Void> appliedUpTo(long index) {
    CompletableFuture<Void> waiter =
        appliedWaiters.computeIfAbsent(index, at -> new CompletableFuture<>());
    completeAppliedWaiters();
    return waiter;
  }

  // Every way the applied index moves (entries, Ratis's own entries, snapshots) wakes the waiters.
  @Override
  protected boolean updateLastAppliedTermIndex(long term, long index) {
    boolean updated = super.updateLastAppliedTermIndex(term, index);
    completeAppliedWaiters();
    return updated;
  }

  @Override
  protected boolean updateLastAppliedTermIndex(TermIndex termIndex) {
    boolean updated = super.updateLastAppliedTermIndex(termIndex);
    completeAppliedWaiters();
    return updated;
  }

  @Override
  protected void setLastAppliedTermIndex(TermIndex termIndex) {
    super.setLastAppliedTermIndex(termIndex);
    completeAppliedWaiters();
  }

  private void completeAppliedWaiters() {
    if (appliedWaiters == null) {
      return; // called by the superclass's constructor, before there can be a waiter
    }
    TermIndex last = getLastAppliedTermIndex();
    long applied = last == null ? -1 : last.getIndex();
    ConcurrentNavigableMap<Long, CompletableFuture<Void>> done =
        appliedWaiters.headMap(applied, true);
    done.values().forEach(waiter -> waiter.complete(null));
    done.clear();
  }

  @Override
  public void notifyLeaderReady() {
    leaderReady.complete(null);
    leadership.leaderReady();
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId member, RaftPeerId newLeader) {
    leadership.leaderChanged(newLeader);
  }

  /**
   * Answers the read-index requests of {@link RatisJournal#awaitCommitted}: Ratis calls this only
   * once this master's state includes every entry committed before the request, so there is nothing
   * left to do.
   */
  @Override
  public CompletableFuture<Message> query(Message request) {
    return CompletableFuture.completedFuture(Message.EMPTY);
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto logEntry = trx.getLogEntry();
    synchronized (stateLock) {
      if (failure.isDone()) {
        // Never apply past a failed entry: the state no longer matches the log.
        throw new IllegalStateException(
            "the journal stopped applying after a failed entry; restart the master");
      }
      try {
        JournalEntry entry =
            JournalEntry.parseFrom(
                trx.getStateMachineLogEntry().getLogData().asReadOnlyByteBuffer());
        state.apply(logEntry.getIndex(), entry);
      } catch (InvalidProtocolBufferException e) {
        throw fatal(logEntry, new IllegalStateException("unreadable journal entry: " + e, e));
      } catch (RuntimeException e) {
        throw fatal(logEntry, e);
      }
      updateLastAppliedTermIndex(logEntry.getTerm(), logEntry.getIndex());
    }
    appliedEntries.incrementAndGet();
    return CompletableFuture.completedFuture(Message.EMPTY);
  }

  private RuntimeException fatal(LogEntryProto logEntry, RuntimeException cause) {
    MetasyncException error =
        new MetasyncException(
            ErrorCode.UNAVAILABLE,
            "the journal in "
                + journalFolder
                + " stopped: applying entry "
                + logEntry.getIndex()
                + " failed ("
                + cause
                + "); the master must be restarted",
            cause);
    LOG.error(
        "FATAL: applying journal entry {} (term {}) failed; no later entry will be applied, the"
            + " journal is stopping and every write fails from now on",
        logEntry.getIndex(),
        logEntry.getTerm(),
        cause);
    applyFailure = error;
    try {
      onApplyFailure.accept(error);
    } catch (RuntimeException e) {
      LOG.error("the handler of a failed journal apply failed too", e);
    }
    // after the handler, so that a writer woken by this sees what the handler did
    failure.completeExceptionally(error);
    // Thrown synchronously on purpose: a failed future would only be logged by Ratis, which would
    // then apply the next entry; an exception stops its apply thread and closes the server.
    return error;
  }

  /**
   * Writes the state and its {@link TermIndex} to {@code snapshot.<term>_<index>}, fsynced, under
   * the state lock (no entry is applied meanwhile). Ratis calls this every {@code
   * checkpoint.period.entries} entries and when the server stops, then deletes all but the newest
   * two snapshots.
   *
   * @throws IOException when the state cannot be written; the snapshot is then not used
   */
  @Override
  public long takeSnapshot() throws IOException {
    synchronized (stateLock) {
      TermIndex last = getLastAppliedTermIndex();
      if (last == null || last.getIndex() < 0) {
        return RaftLog.INVALID_LOG_INDEX;
      }
      File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
      if (file.exists()) {
        return last.getIndex();
      }
      long start = ticker.nanos();
      Path path = file.toPath();
      Path tmp = path.resolveSibling(file.getName() + ".tmp");
      Path files = filesFolder(path);
      MessageDigest md5 = MD5FileUtil.newMD5();
      try (FileOutputStream fileOut = new FileOutputStream(tmp.toFile())) {
        // left by an attempt that failed at this same index
        Folders.deleteRecursively(files);
        OutputStream out =
            new DigestOutputStream(new BufferedOutputStream(fileOut, BUFFER_SIZE), md5);
        state.writeSnapshot(out, files);
        out.flush();
        fileOut.getFD().sync();
        SnapshotFiles.sync(files);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        Folders.deleteRecursively(files);
        throw new IOException(
            "cannot write the journal snapshot " + path + " (" + e.getMessage() + ")", e);
      }
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
      MD5Hash digest = MD5Hash.newInstance(md5.digest());
      MD5FileUtil.saveMD5File(file, digest);
      Fsync.directory(path.getParent());
      storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(path, digest), last));
      LOG.info(
          "wrote the journal snapshot {} ({} bytes) in {} ms",
          path,
          Files.size(path),
          TimeUnit.NANOSECONDS.toMillis(ticker.nanos() - start));
      return last.getIndex();
    }
  }

  /** The folder of the state's own files for the snapshot {@code snapshotFile}. */
  static Path filesFolder(Path snapshotFile) {
    return snapshotFile.resolveSibling(snapshotFile.getFileName() + ".files");
  }

  /** Removes what a crash in the middle of {@link #takeSnapshot} left behind. */
  private static void deleteUnfinishedSnapshots(Path folder) throws IOException {
    try (DirectoryStream<Path> unfinished = Files.newDirectoryStream(folder, "snapshot.*.tmp")) {
      for (Path file : unfinished) {
        LOG.info("deleting the unfinished journal snapshot {}", file);
        Files.delete(file);
      }
    }
    SnapshotFiles.deleteOrphans(folder);
  }

  /**
   * Ratis's storage, which also deletes the files folders of the snapshots that its retention
   * policy deleted (Ratis knows only the snapshot files).
   */
  private static final class SnapshotStorage extends SimpleStateMachineStorage {
    private File folder;

    @Override
    public void init(RaftStorage raftStorage) throws IOException {
      super.init(raftStorage);
      folder = raftStorage.getStorageDir().getStateMachineDir();
    }

    @Override
    public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
      super.cleanupOldSnapshots(policy);
      if (folder != null) {
        SnapshotFiles.deleteOrphans(folder.toPath());
      }
    }
  }

  private void loadLatestSnapshot() throws IOException {
    SingleFileSnapshotInfo snapshot = storage.loadLatestSnapshot();
    if (snapshot == null) {
      return;
    }
    Path path = snapshot.getFile().getPath();
    long start = ticker.nanos();
    synchronized (stateLock) {
      try {
        MD5Hash expected = snapshot.getFile().getFileDigest();
        if (expected != null) {
          MD5Hash actual = MD5FileUtil.computeMd5ForFile(path.toFile());
          if (!expected.equals(actual)) {
            throw new IOException("its MD5 checksum does not match " + path.getFileName() + ".md5");
          }
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), BUFFER_SIZE)) {
          state.loadSnapshot(in, filesFolder(path));
        }
      } catch (IOException | RuntimeException e) {
        startupFailure =
            new MetasyncException(
                ErrorCode.FAILED_PRECONDITION,
                "the journal in "
                    + journalFolder
                    + " has a corrupt snapshot "
                    + path.getFileName()
                    + " ("
                    + e.getMessage()
                    + "); restore the folder from a backup, or wipe it with bin/metasync format",
                e);
        throw new IOException(startupFailure.getMessage(), e);
      }
      setLastAppliedTermIndex(snapshot.getTermIndex());
    }
    LOG.info(
        "loaded the journal snapshot {} (up to entry {}) in {} ms",
        path,
        snapshot.getIndex(),
        TimeUnit.NANOSECONDS.toMillis(ticker.nanos() - start));
  }
}
