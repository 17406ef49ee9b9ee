package io.metasync.client;

import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.metasync.common.DurationFormat;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import io.metasync.common.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the leader of a {@link MasterGroup} for each call. A call goes first to the master that
 * answered last; when that one is a standby the call goes straight to the leader it names, when it
 * names none or cannot be reached the call tries the next listed master, pausing (see {@link
 * Backoff}) before it tries a master a second time, until {@link MasterGroup#retryDuration()} after
 * its first failure. An error the master itself sends ends the call at once, as does an unreachable
 * master of a group of one.
 *
 * <p>Each attempt of a mutation sends the same client id and call id ({@link FailoverHeaders}), so
 * a master that applied it before it died (its successor has the journal entry) is not asked to
 * apply it twice.
 */
final class LeaderFailover implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderFailover.class);

  /** One attempt of a call at the master whose stubs it gets. */
  @FunctionalInterface
  interface Attempt<T> {
    /**
     * @throws StatusRuntimeException as the master or the transport failed the attempt
     */
    T run(MasterStubs stubs) throws InterruptedException;
  }

  private final MasterGroup group;
  private final MasterChannels channels;
  private final Ticker ticker;
  private final String clientId = UUID.randomUUID().toString();
  private final AtomicLong callIds = new AtomicLong();
  private final AtomicReference<MasterAddress> leader;

  LeaderFailover(MasterGroup group, MasterChannels channels, Ticker ticker) {
    this.group = group;
    this.channels = channels;
    this.ticker = ticker;
    this.leader = new AtomicReference<>(group.addresses().get(0));
  }

  MasterGroup group() {
    return group;
  }

  /** A new logical call; a mutation gets the next call id. */
  LogicalCall newCall(boolean mutation) {
    Metadata headers =
        mutation ? FailoverHeaders.mutation(clientId, callIds.incrementAndGet()) : new Metadata();
    MasterAddress start = leader.get();
    return new LogicalCall(
        headers, new Backoff(ThreadLocalRandom.current()), start, group.addresses().indexOf(start));
  }

  /**
   * Runs a whole call whose answer comes with its end (a unary call).
   *
   * @throws MetasyncException the master's error, or UNAVAILABLE when no leader was found in time
   */
  <T> T call(boolean mutation, Attempt<T> attempt) {
    LogicalCall call = newCall(mutation);
    try {
      T answer = attempt(call, attempt);
      answered(call);
      return answer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MetasyncException(
          ErrorCode.UNAVAILABLE, "interrupted while looking for the leader among " + group);
    }
  }

  /**
   * Makes attempts of {@code call}, starting where it stands, until one returns.
   *
   * @throws MetasyncException as {@link #failed} decides
   */
  <T> T attempt(LogicalCall call, Attempt<T> attempt) throws InterruptedException {
    while (true) {
      MasterStubs stubs = channels.stubs(call.current()).withHeaders(call.nextAttemptHeaders());
      try {
        return attempt.run(stubs);
      } catch (StatusRuntimeException e) {
        failed(call, e);
      }
    }
  }

  /**
   * Takes in that the latest attempt of {@code call} failed with {@code e}: moves the call to the
   * master to try next, after a pause when needed.
   *
   * @throws MetasyncException the error the master sent, or the unreachable master of a group of
   *     one, as the caller should see it; UNAVAILABLE naming every master tried and why when the
   *     retry duration is over
   */
  void failed(LogicalCall call, StatusRuntimeException e) throws InterruptedException {
    FailedAttempt failure = FailedAttempt.of(e);
    boolean retry =
        switch (failure.kind()) {
          case STANDBY -> true;
          case UNREACHABLE -> group.failsOverWhenUnreachable();
          case MASTER_ERROR -> false;
        };
    if (!retry) {
      throw call.errors().toMetasyncException(e);
    }
    long now = ticker.nanos();
    call.failed(failure.reason(), now);
    List<MasterAddress> addresses = group.addresses();
    MasterAddress next =
        failure
            .leaderHint()
            .filter(hint -> !call.triedThisRound(hint))
            .orElseGet(() -> call.nextListed(addresses));
    Duration pause = call.triedThisRound(next) ? call.backoff().next() : Duration.ZERO;
    Duration elapsed = Duration.ofNanos(now - call.firstFailureNanos());
    if (elapsed.plus(pause).compareTo(group.retryDuration()) > 0) {
      throw new MetasyncException(ErrorCode.UNAVAILABLE, noLeader(call), e);
    }
    if (!pause.isZero()) {
      TimeUnit.NANOSECONDS.sleep(pause.toNanos());
      call.newRound();
    }
    call.moveTo(next, addresses);
    channels.retryConnection(next);
  }

  /**
   * Takes in that {@code call} got its answer where it stands: after a fail-over, later calls go
   * there first.
   */
  void answered(LogicalCall call) {
    MasterAddress reached = call.current();
    MasterAddress before = leader.get();
    // only a call that failed over moves the others: a call that began before another found the
    // new leader must not move them back to where it began
    if (call.hasFailed() && !reached.equals(before) && leader.compareAndSet(before, reached)) {
      LOG.info(
          "metasync client fails over from the master at {} to the leader at {} ({})",
          before,
          reached,
          describe(call));
    }
  }

  private String noLeader(LogicalCall call) {
    return "found no leading master within "
        + DurationFormat.format(group.retryDuration().toMillis())
        + " ("
        + PropertyKey.USER_RPC_RETRY_DURATION.key()
        + "): "
        + describe(call)
        + "; check that most of the masters "
        + group
        + " run and have elected a leader";
  }

  private static String describe(LogicalCall call) {
    return call.failures().entrySet().stream()
        .map(failure -> failure.getKey() + " was " + failure.getValue())
        .collect(Collectors.joining("; "));
  }

  @Override
  public void close() {
    channels.close();
  }
}
