package io.metasync.master.state;

import io.metasync.proto.journal.ClientCall;
import io.metasync.proto.journal.SnapshotHeader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client calls whose mutations were applied recently, as their journal entries named them: a
 * client that lost its answer in a fail-over retries the call on the new leader, which finds it
 * here and answers from the state instead of applying it twice. Part of the journaled state, so
 * every master knows them when it takes over.
 *
 * <p>A call is kept {@link #KEEP_MS} after it was proposed (measured by the proposal times in the
 * log, never by a clock, so every replay keeps the same calls), and at most {@link #CAPACITY}
 * calls: a client's retries end within seconds.
 */
public final class AppliedCalls {
  static final long KEEP_MS = 10 * 60 * 1000L;
  static final int CAPACITY = 200_000;

  private record Key(String clientId, long callId) {}

  /** Oldest first. */
  private final LinkedHashMap<Key, ClientCall> calls = new LinkedHashMap<>();

  /** Remembers {@code call}, and forgets what is older than its time allows. */
  synchronized void record(ClientCall call) {
    calls.put(new Key(call.getClientId(), call.getCallId()), call);
    long keepAfterMs = call.getProposedMs() - KEEP_MS;
    Iterator<ClientCall> oldest = calls.values().iterator();
    while (oldest.hasNext()) {
      ClientCall next = oldest.next();
      if (calls.size() <= CAPACITY && next.getProposedMs() >= keepAfterMs) {
        break;
      }
      oldest.remove();
    }
  }

  /** Whether the mutation of this call was applied (and is still remembered). */
  public synchronized boolean contains(String clientId, long callId) {
    return calls.containsKey(new Key(clientId, callId));
  }

  synchronized void writeTo(SnapshotHeader.Builder header) {
    header.addAllAppliedCalls(calls.values());
  }

  synchronized void loadFrom(SnapshotHeader header) {
    calls.clear();
    for (ClientCall call : header.getAppliedCallsList()) {
      calls.put(new Key(call.getClientId(), call.getCallId()), call);
    }
  }

  /** For tests: how many calls are remembered. */
  synchronized int size() {
    return calls.size();
  }

  @Override
  public synchronized String toString() {
    return "AppliedCalls" + Map.of("size", calls.size());
  }
}
