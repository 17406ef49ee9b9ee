package io.metasync.master.journal;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Ratis's leadership notifications into {@link LeadershipListener} calls, one at a time and
 * in order, on a thread of its own: Ratis calls from its apply and election threads, which must not
 * wait for a new leader's take-over (that writes to the journal, which needs those threads).
 *
 * <p>A take-over that fails (the master lost the lead meanwhile, or the journal refused its first
 * entry) is tried again a second later for as long as Ratis still says this master leads that term;
 * the master serves nothing until one succeeds.
 */
final class LeadershipEvents implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeadershipEvents.class);
  private static final long RETRY_MS = 1_000;
  private static final long START_WAIT_MS = 20;

  private final RaftPeerId self;
  private final LeadershipListener listener;
  private final ScheduledExecutorService thread;

  /** Whether {@link LeadershipListener#leading} succeeded last; on {@link #thread} only. */
  private boolean leading;

  /** The term the listener was last told of; on {@link #thread} only. */
  private long leadingTerm = -1;

  /** This master's member of the group, once its server started; until then events wait. */
  private volatile DivisionInfo division;

  LeadershipEvents(RaftPeerId self, LeadershipListener listener) {
    this.self = requireNonNull(self, "self is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread t = new Thread(runnable, "metasync-leadership");
              t.setDaemon(true);
              return t;
            });
  }

  /** The server started: events are checked against this member's state from now on. */
  void started(DivisionInfo started) {
    this.division = requireNonNull(started, "started is null");
  }

  /** This master leads and has applied every entry of earlier terms. */
  void leaderReady() {
    submit(this::takeOver);
  }

  /** Ratis knows a new leader ({@code null}: none yet, an election is under way). */
  void leaderChanged(RaftPeerId newLeader) {
    if (!self.equals(newLeader)) {
      submit(this::handOver);
    }
  }

  private void takeOver() {
    DivisionInfo info = division;
    if (info == null) {
      schedule(this::takeOver, START_WAIT_MS); // notified while the server was starting
      return;
    }
    if (!info.isLeaderReady()) {
      return; // no longer leads: a later notification says what happened
    }
    long term = info.getCurrentTerm();
    if (leading && leadingTerm == term) {
      return;
    }
    if (leading) {
      handOver();
    }
    try {
      listener.leading(term);
      leading = true;
      leadingTerm = term;
    } catch (RuntimeException e) {
      LOG.warn(
          "taking over as the leader of term {} failed ({}); trying again in {} ms",
          term,
          e.getMessage(),
          RETRY_MS);
      try {
        listener.following();
      } catch (RuntimeException stepDownFailure) {
        LOG.warn("stepping down after a failed take-over failed too", stepDownFailure);
      }
      schedule(this::takeOver, RETRY_MS);
    }
  }

  private void handOver() {
    if (!leading) {
      return;
    }
    leading = false;
    try {
      listener.following();
    } catch (RuntimeException e) {
      LOG.error("stepping down as the leader failed", e);
    }
  }

  private void submit(Runnable event) {
    try {
      thread.execute(event);
    } catch (RejectedExecutionException e) {
      // closed: the master is stopping
    }
  }

  private void schedule(Runnable event, long delayMs) {
    try {
      thread.schedule(event, delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  /** Stops the thread; an event under way finishes first, later ones are dropped. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
