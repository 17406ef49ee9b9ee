package io.metasync.master.journal;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import io.metasync.common.Ticker;
import io.metasync.proto.journal.JournalEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal on an Apache Ratis log. Its files live in {@code <journal folder>/raft/} (the log
 * segments, and the snapshots under {@code <group id>/sm/}), beside the folder's {@code VERSION}
 * and {@code master.lock} files.
 *
 * <p>Writes are proposed in-process ({@link RaftServer#submitClientRequestAsync}), not through a
 * Ratis client over gRPC: each waiting thread's entry is appended to the leader's queue at once, so
 * entries from many threads share log flushes (Ratis batches whatever is queued when it writes).
 */
public final class RatisJournal implements Journal {
  private static final Logger LOG = LoggerFactory.getLogger(RatisJournal.class);

  /** The folder, under the journal folder, that Ratis owns. */
  public static final String RAFT_FOLDER = "raft";

  private static final Duration PROGRESS_PERIOD = Duration.ofSeconds(2);

  /** How long start-up may go without applying an entry before it is given up. */
  private static final Duration STALL_LIMIT = Duration.ofSeconds(30);

  /** How often a close after a failed apply looks whether Ratis closed itself. */
  private static final Duration SELF_CLOSE_POLL = Duration.ofMillis(10);

  /** How long {@link #close} waits for Ratis to stop. */
  private static final Duration CLOSE_LIMIT = Duration.ofSeconds(20);

  private final Path folder;
  private final JournalPeers peers;
  private final RaftServer server;
  private final JournalStateMachine stateMachine;
  private final Ticker ticker;
  private final ClientId clientId = ClientId.randomId();
  private final AtomicLong callIds = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final LeadershipEvents leadership;

  /** The group's member on this master; set once started. */
  private RaftServer.Division division;

  private RatisJournal(
      Path folder,
      JournalPeers peers,
      RaftServer server,
      JournalStateMachine stateMachine,
      Ticker ticker,
      LeadershipEvents leadership) {
    this.leadership = leadership;
    this.folder = folder;
    this.peers = peers;
    this.server = server;
    this.stateMachine = stateMachine;
    this.ticker = ticker;
  }

  /**
   * Starts the journal: loads the newest snapshot into {@code state}, replays the entries after it,
   * and returns once this master leads the group and {@code state} reflects every committed entry.
   * A failed apply is logged at ERROR and stops the journal (every write fails from then on).
   *
   * @throws MetasyncException FAILED_PRECONDITION naming the folder when the journal was written by
   *     a newer metasync or has a corrupt snapshot; INVALID_ARGUMENT for bad peers; UNAVAILABLE
   *     when the journal cannot start or does not become the leader
   */
  public static RatisJournal open(MetasyncConfiguration conf, JournaledState state) {
    return open(conf, state, error -> {});
  }

  /**
   * As {@link #open(MetasyncConfiguration, JournaledState)}, and calls {@code onApplyFailure} (on
   * Ratis's apply thread) with the error when applying an entry fails, e.g. to halt the process:
   * the journal has already stopped applying by then.
   */
  public static RatisJournal open(
      MetasyncConfiguration conf,
      JournaledState state,
      Consumer<? super MetasyncException> onApplyFailure) {
    return open(conf, state, Ticker.system(), onApplyFailure);
  }

  /**
   * As {@link #open(MetasyncConfiguration, JournaledState, Consumer)}, timing start-up (its
   * progress lines and its stall limit) and snapshots with {@code ticker}.
   */
  public static RatisJournal open(
      MetasyncConfiguration conf,
      JournaledState state,
      Ticker ticker,
      Consumer<? super MetasyncException> onApplyFailure) {
    return open(conf, state, new JournalHooks(ticker, onApplyFailure, LeadershipListener.NONE));
  }

  /**
   * Starts the journal as a member of the group in {@code metasync.master.journal.peers}: loads the
   * newest snapshot into {@code state} and replays the committed entries after it. A master alone
   * in its group returns once it leads; in a group of several, once its own log is replayed,
   * whatever its role: {@code hooks.leadership()} learns when it leads and when it stops.
   *
   * @throws MetasyncException as {@link #open(MetasyncConfiguration, JournaledState)}
   */
  public static RatisJournal open(
      MetasyncConfiguration conf, JournaledState state, JournalHooks hooks) {
    requireNonNull(state, "state is null");
    requireNonNull(hooks, "hooks is null");
    Path folder = conf.getPath(PropertyKey.MASTER_JOURNAL_FOLDER);
    try {
      Files.createDirectories(folder.resolve(RAFT_FOLDER));
    } catch (IOException e) {
      throw new MetasyncException(
          ErrorCode.FAILED_PRECONDITION,
          "cannot create the journal folder "
              + folder
              + " ("
              + PropertyKey.MASTER_JOURNAL_FOLDER.key()
              + "): "
              + e,
          e);
    }
    JournalFormat.checkOrWrite(folder);
    String host = conf.get(PropertyKey.MASTER_HOSTNAME);
    int port = conf.getInt(PropertyKey.MASTER_JOURNAL_PORT);
    JournalPeers peers =
        JournalPeers.fromConfiguration(conf, port == 0 ? RatisErrors.freePort(host) : port);
    LeadershipEvents leadership = new LeadershipEvents(peers.self(), hooks.leadership());
    JournalStateMachine stateMachine =
        new JournalStateMachine(state, folder, hooks.ticker(), hooks.onApplyFailure(), leadership);
    RaftServer server = null;
    RaftServer.Division division;
    try {
      server =
          RaftServer.newBuilder()
              .setServerId(peers.self())
              .setGroup(peers.group())
              .setStateMachine(stateMachine)
              .setProperties(RatisProperties.of(conf, folder.resolve(RAFT_FOLDER), peers))
              .setOption(RaftStorage.StartupOption.RECOVER)
              .build();
      server.start();
      division = server.getDivision(JournalPeers.GROUP_ID);
    } catch (IOException | RuntimeException e) {
      closeQuietly(server);
      leadership.close();
      throw stateMachine
          .startupFailure()
          .orElseGet(() -> RatisErrors.startFailure(folder, peers, e));
    }
    leadership.started(division.getInfo());
    RatisJournal journal =
        new RatisJournal(folder, peers, server, stateMachine, hooks.ticker(), leadership);
    journal.division = division;
    try {
      if (peers.alone()) {
        journal.await(stateMachine.leaderReady(), journal::notLeaderError);
      } else {
        journal.await(
            stateMachine.appliedUpTo(division.getRaftLog().getLastCommittedIndex()),
            journal::notReplayedError);
      }
    } catch (RuntimeException e) {
      closeQuietly(server);
      leadership.close();
      throw e;
    }
    return journal;
  }

  /**
   * Waits for {@code ready}, logging progress every couple of seconds while the log replays; gives
   * up with {@code stalled}'s error when nothing is applied for {@link #STALL_LIMIT}.
   */
  private void await(CompletableFuture<Void> ready, Supplier<MetasyncException> stalled) {
    long start = ticker.nanos();
    long lastApplied = -1;
    long lastProgress = start;
    CompletableFuture<Object> readyOrFailed =
        CompletableFuture.anyOf(ready, stateMachine.failure());
    while (true) {
      try {
        readyOrFailed.get(PROGRESS_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        break;
      } catch (TimeoutException e) {
        long now = ticker.nanos();
        long applied = stateMachine.appliedEntries();
        LOG.info(
            "replaying the journal in {}: {} entries applied, {} s elapsed",
            folder,
            applied,
            TimeUnit.NANOSECONDS.toSeconds(now - start));
        if (applied != lastApplied) {
          lastApplied = applied;
          lastProgress = now;
        } else if (now - lastProgress > STALL_LIMIT.toNanos()) {
          throw stalled.get();
        }
      } catch (ExecutionException e) {
        throw RatisErrors.asMetasync(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MetasyncException(
            ErrorCode.UNAVAILABLE, "interrupted while starting the journal in " + folder);
      }
    }
    long elapsed = ticker.nanos() - start;
    if (elapsed >= PROGRESS_PERIOD.toNanos()) {
      LOG.info(
          "replayed the journal in {}: {} entries in {} s",
          folder,
          stateMachine.appliedEntries(),
          TimeUnit.NANOSECONDS.toSeconds(elapsed));
    }
  }

  private MetasyncException notLeaderError() {
    return new MetasyncException(
        ErrorCode.UNAVAILABLE,
        "the journal in "
            + folder
            + " did not become ready within "
            + STALL_LIMIT.toSeconds()
            + " s: this master ("
            + peers.self()
            + ") is not the leader of "
            + peers.peers()
            + "; start a majority of the masters in "
            + PropertyKey.MASTER_JOURNAL_PEERS.key());
  }

  private MetasyncException notReplayedError() {
    return new MetasyncException(
        ErrorCode.UNAVAILABLE,
        "the journal in "
            + folder
            + " stopped replaying its log: nothing was applied for "
            + STALL_LIMIT.toSeconds()
            + " s; see the log above for the cause");
  }

  /**
   * {@inheritDoc}
   *
   * @throws MetasyncException UNAVAILABLE when the journal is closed or stopped, this master is not
   *     the leader, or the wait is interrupted (the entry may then still be applied)
   */
  @Override
  public void write(JournalEntry entry) {
    requireNonNull(entry, "entry is null");
    if (closed.get()) {
      throw new MetasyncException(ErrorCode.UNAVAILABLE, "the journal in " + folder + " is closed");
    }
    stateMachine
        .applyFailure()
        .ifPresent(
            failure -> {
              throw failure;
            });
    RaftClientRequest request =
        RaftClientRequest.newBuilder()
            .setClientId(clientId)
            .setServerId(peers.self())
            .setGroupId(JournalPeers.GROUP_ID)
            .setCallId(callIds.incrementAndGet())
            .setMessage(Message.valueOf(UnsafeByteOperations.unsafeWrap(entry.toByteArray())))
            .setType(RaftClientRequest.writeRequestType())
            .build();
    RaftClientReply reply;
    try {
      CompletableFuture<RaftClientReply> submitted = server.submitClientRequestAsync(request);
      // A failed apply stops Ratis's apply thread: wake up even if no reply ever comes.
      CompletableFuture.anyOf(submitted, stateMachine.failure()).get();
      reply = submitted.get();
    } catch (IOException e) {
      throw cannotCommit(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof MetasyncException m ? m : cannotCommit(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MetasyncException(
          ErrorCode.UNAVAILABLE,
          "interrupted while waiting for the journal in "
              + folder
              + "; the change may or may not be applied");
    }
    if (!reply.isSuccess()) {
      throw cannotCommit(reply.getException());
    }
  }

  /**
   * The index of the last entry applied to this master's state, -1 before the first; for metrics.
   */
  public long appliedIndex() {
    TermIndex last = stateMachine.getLastAppliedTermIndex();
    return last == null ? -1 : last.getIndex();
  }

  @Override
  public JournalRole role() {
    DivisionInfo info = division.getInfo();
    JournalRole.Role role =
        info.isLeader()
            ? (info.isLeaderReady() ? JournalRole.Role.LEADER : JournalRole.Role.CANDIDATE)
            : info.isCandidate() ? JournalRole.Role.CANDIDATE : JournalRole.Role.STANDBY;
    return new JournalRole(
        role,
        info.getCurrentTerm(),
        appliedIndex(),
        peers.self().toString(),
        Optional.ofNullable(info.getLeaderId()).map(RaftPeerId::toString),
        division.getRaftConf().getCurrentPeers().stream()
            .map(peer -> peer.getId().toString())
            .toList());
  }

  /**
   * {@inheritDoc} A group of several asks Ratis for a read index: with the leader lease this is a
   * local check while the followers answer the leader's heartbeats, else one round to a majority.
   */
  @Override
  public void awaitCommitted() {
    if (division.getRaftConf().getCurrentPeers().size() == 1) {
      return;
    }
    RaftClientRequest request =
        RaftClientRequest.newBuilder()
            .setClientId(clientId)
            .setServerId(peers.self())
            .setGroupId(JournalPeers.GROUP_ID)
            .setCallId(callIds.incrementAndGet())
            .setMessage(Message.EMPTY)
            .setType(RaftClientRequest.readRequestType())
            .build();
    RaftClientReply reply;
    try {
      reply = server.submitClientRequestAsync(request).get();
    } catch (IOException | ExecutionException e) {
      throw notServing(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw notServing(e);
    }
    if (!reply.isSuccess()) {
      throw notServing(reply.getException());
    }
  }

  private MetasyncException notServing(Throwable cause) {
    return new NotLeaderException(
        "this master ("
            + peers.self()
            + ") cannot serve: it does not lead the journal group ("
            + RatisErrors.oneLine(cause)
            + ")",
        cause);
  }

  /** Who takes part in the group, and changing that (on the leader). */
  public JournalMembership membership() {
    return new JournalMembership(server, division);
  }

  /**
   * When the newest snapshot was written (its file's modification time), empty before the first;
   * for metrics.
   */
  public Optional<Instant> latestSnapshotTime() {
    SnapshotInfo snapshot = stateMachine.getLatestSnapshot();
    if (snapshot == null || snapshot.getFiles() == null || snapshot.getFiles().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Files.getLastModifiedTime(snapshot.getFiles().get(0).getPath()).toInstant());
    } catch (IOException e) {
      return Optional.empty(); // deleted by a newer snapshot meanwhile: the next scrape sees it
    }
  }

  private MetasyncException cannotCommit(Throwable cause) {
    if (RatisErrors.isLeadershipLost(cause)) {
      return new NotLeaderException(
          "this master ("
              + peers.self()
              + ") no longer leads the journal group, so it cannot commit the change: "
              + RatisErrors.oneLine(cause),
          cause);
    }
    return new MetasyncException(
        ErrorCode.UNAVAILABLE,
        "the journal in " + folder + " cannot commit the change: " + RatisErrors.oneLine(cause),
        cause);
  }

  /**
   * Stops the server; Ratis takes a snapshot first when entries were applied since the last one.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    leadership.close();
    if (stateMachine.applyFailure().isPresent()) {
      awaitSelfClose();
    }
    if (!stopWithin(server, CLOSE_LIMIT)) {
      LOG.warn(
          "the journal in {} did not stop within {} s; leaving it (its log is complete on disk)",
          folder,
          CLOSE_LIMIT.toSeconds());
    }
  }

  /**
   * After a failed apply Ratis closes its server itself, from its apply thread; a second close
   * racing with that one could leave the apply thread spinning and the journal folder locked. Wait
   * (bounded) for Ratis's own close to end first.
   */
  private void awaitSelfClose() {
    long deadline = ticker.nanos() + CLOSE_LIMIT.toNanos();
    while (division.getInfo().getLifeCycleState() != LifeCycle.State.CLOSED
        && ticker.nanos() < deadline) {
      LockSupport.parkNanos(SELF_CLOSE_POLL.toNanos());
    }
  }

  /**
   * Stops {@code server}, giving up after {@code limit}: Ratis's stop can wait forever on its apply
   * thread after a failed apply (when the stop races with the failure, that thread spins instead of
   * exiting), and a master must still stop. Nothing is lost by giving up: every acknowledged entry
   * was written to the log before its ack.
   *
   * @return whether the server stopped in time
   */
  private static boolean stopWithin(RaftServer server, Duration limit) {
    Thread stopper =
        new Thread(
            () -> {
              try {
                server.close();
              } catch (IOException | RuntimeException e) {
                LOG.warn("stopping a journal failed: {}", RatisErrors.oneLine(e));
              }
            },
            "metasync-journal-stop");
    stopper.setDaemon(true);
    stopper.start();
    try {
      stopper.join(limit.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !stopper.isAlive();
  }

  private static void closeQuietly(RaftServer server) {
    if (server != null && !stopWithin(server, CLOSE_LIMIT)) {
      LOG.warn("a journal that failed to start did not stop within {} s", CLOSE_LIMIT.toSeconds());
    }
  }
}
