package io.metasync.client;

import io.grpc.Metadata;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call as the caller sees it, across its attempts at several masters: where the next attempt
 * goes, which masters it tried in this round (a master tried again means a pause first), why each
 * failed, and the headers that every attempt of a mutation repeats.
 */
final class LogicalCall {
  private final Metadata headers;
  private final Backoff backoff;
  private final Map<MasterAddress, String> failures = new LinkedHashMap<>();
  private final Set<MasterAddress> triedThisRound = new HashSet<>();
  private MasterAddress current;
  private int cursor;
  private long firstFailureNanos;
  private int attempts;

  /**
   * @param start where the first attempt goes: the last master known to lead
   * @param cursor the index of {@code start} among the group's addresses, -1 when not listed
   */
  LogicalCall(Metadata headers, Backoff backoff, MasterAddress start, int cursor) {
    this.headers = headers;
    this.backoff = backoff;
    this.current = start;
    this.cursor = cursor;
    triedThisRound.add(start);
  }

  /**
   * The headers of the next attempt: a mutation's repeat its client and call id, and number the
   * attempt, so the master knows that a change it finds already made in the UFS may be the work of
   * an earlier attempt on a master that died before journaling it.
   */
  Metadata nextAttemptHeaders() {
    attempts++;
    if (!headers.containsKey(FailoverHeaders.CALL_ID)) {
      return headers;
    }
    Metadata attempt = new Metadata();
    attempt.merge(headers);
    attempt.put(FailoverHeaders.CALL_ATTEMPT, Integer.toString(attempts));
    return attempt;
  }

  /** The master of the latest attempt. */
  MasterAddress current() {
    return current;
  }

  GrpcErrors errors() {
    return new GrpcErrors(current.toString());
  }

  /** Records why the latest attempt failed; the first failure starts the retry duration. */
  void failed(String reason, long nanos) {
    if (failures.isEmpty()) {
      firstFailureNanos = nanos;
    }
    failures.remove(current);
    failures.put(current, reason);
  }

  boolean hasFailed() {
    return !failures.isEmpty();
  }

  long firstFailureNanos() {
    return firstFailureNanos;
  }

  /** Each master tried and why it failed last, in the order of those last failures. */
  Map<MasterAddress, String> failures() {
    return failures;
  }

  /** The listed master after the last listed one tried (hinted ones are off the list). */
  MasterAddress nextListed(List<MasterAddress> addresses) {
    return addresses.get((cursor + 1) % addresses.size());
  }

  boolean triedThisRound(MasterAddress address) {
    return triedThisRound.contains(address);
  }

  Backoff backoff() {
    return backoff;
  }

  /** After a pause: every master may be tried again without one. */
  void newRound() {
    triedThisRound.clear();
  }

  void moveTo(MasterAddress address, List<MasterAddress> addresses) {
    int listed = addresses.indexOf(address);
    if (listed >= 0) {
      cursor = listed;
    }
    current = address;
    triedThisRound.add(address);
  }
}
