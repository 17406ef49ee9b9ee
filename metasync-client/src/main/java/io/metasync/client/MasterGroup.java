package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.Preconditions;
import io.metasync.common.PropertyKey;
import java.time.Duration;
import java.util.List;

/**
 * The masters a client may call, one of which leads, and how long one call keeps looking for the
 * leader among them before it fails. A group of one address is a single master: a client of it
 * fails at once when the master cannot be reached (as it always did), and only follows a standby's
 * answer naming the leader.
 *
 * @param addresses every master's RPC address, in the order a client tries them
 * @param retryDuration how long one call keeps trying masters after its first failed attempt
 */
public record MasterGroup(List<MasterAddress> addresses, Duration retryDuration) {
  public MasterGroup {
    addresses = List.copyOf(addresses);
    requireNonNull(retryDuration, "retryDuration is null");
    Preconditions.checkArgument(!addresses.isEmpty(), "a group needs at least one master");
    Preconditions.checkArgument(!retryDuration.isNegative(), "negative retry duration");
  }

  /** The one master at {@code host}:{@code port}, with the default retry duration. */
  public static MasterGroup single(String host, int port) {
    return new MasterGroup(List.of(new MasterAddress(host, port)), defaultRetryDuration());
  }

  /**
   * {@code metasync.master.rpc.addresses}, or when it is empty the one master at {@code
   * metasync.master.hostname}:{@code metasync.master.rpc.port}; with {@code
   * metasync.user.rpc.retry.duration}.
   *
   * @throws io.metasync.common.MetasyncException INVALID_ARGUMENT naming the key for a bad address
   */
  public static MasterGroup from(MetasyncConfiguration conf) {
    String listed = conf.get(PropertyKey.MASTER_RPC_ADDRESSES);
    List<MasterAddress> addresses =
        listed.isBlank()
            ? List.of(
                new MasterAddress(
                    conf.get(PropertyKey.MASTER_HOSTNAME),
                    conf.getInt(PropertyKey.MASTER_RPC_PORT)))
            : MasterAddress.parseList(listed, PropertyKey.MASTER_RPC_ADDRESSES.key());
    return new MasterGroup(addresses, conf.getDuration(PropertyKey.USER_RPC_RETRY_DURATION));
  }

  /** The default of {@code metasync.user.rpc.retry.duration}. */
  public static Duration defaultRetryDuration() {
    return MetasyncConfiguration.defaults().getDuration(PropertyKey.USER_RPC_RETRY_DURATION);
  }

  /** Whether a call that cannot reach a master tries another (more than one is known). */
  boolean failsOverWhenUnreachable() {
    return addresses.size() > 1;
  }

  /** The addresses, comma-separated, as {@code metasync.master.rpc.addresses} takes them. */
  @Override
  public String toString() {
    return String.join(",", addresses.stream().map(MasterAddress::toString).toList());
  }
}
