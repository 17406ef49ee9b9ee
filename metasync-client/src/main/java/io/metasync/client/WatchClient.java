package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.metasync.proto.CallContext;
import java.util.OptionalLong;

/**
 * Change subscription (fs watch) on the master of a {@link MetasyncClient}, over its channel.
 * Obtained from {@link MetasyncClient#watches()}; closing the client ends its watches.
 */
public final class WatchClient {
  private final LeaderFailover failover;
  private final CallContext context;

  WatchClient(LeaderFailover failover, CallContext context) {
    this.failover = requireNonNull(failover, "failover is null");
    this.context = requireNonNull(context, "context is null");
  }

  /**
   * Watches {@code path}: with {@code recursive} everything below it, otherwise the path and its
   * direct children. Returns once the master accepted.
   *
   * @param from the index to resume after (the last {@link ChangeWatch.Changes#index()} taken, or
   *     {@link ChangeWatch#cursor()}); empty: from now on
   * @throws io.metasync.common.MetasyncException NOT_FOUND for a missing path, PERMISSION_DENIED
   *     when the caller may not list it, OUT_OF_RANGE when the master no longer keeps the changes
   *     after {@code from} (list the path again and watch from the index the message names)
   */
  public ChangeWatch watch(String path, boolean recursive, OptionalLong from) {
    return ChangeWatch.start(failover, context, path, recursive, from);
  }
}
