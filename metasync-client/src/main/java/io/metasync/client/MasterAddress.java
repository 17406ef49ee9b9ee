package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncException;
import io.metasync.common.Preconditions;
import java.util.ArrayList;
import java.util.List;

/**
 * The RPC address of one master, {@code host:port}; an IPv6 host is written in brackets ({@code
 * [::1]:19998}).
 */
public record MasterAddress(String host, int port) {
  public MasterAddress {
    requireNonNull(host, "host is null");
    Preconditions.checkArgument(!host.isBlank(), "host is blank");
    Preconditions.checkArgument(port >= 0 && port <= 65535, "port %s is out of range", port);
  }

  /**
   * The address in {@code text}, such as {@code master1:19998}.
   *
   * @param source where the text comes from (a configuration key), for the error
   * @throws MetasyncException INVALID_ARGUMENT naming {@code source} when it is not {@code
   *     host:port}
   */
  public static MasterAddress parse(String text, String source) {
    String address = text.strip();
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? "" : address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new MasterAddress(host, Integer.parseInt(address.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw MetasyncException.invalidArgument(
          "bad master address '"
              + text
              + "' in "
              + source
              + ": expected host:port with a port from 0 to 65535, such as master1:19998");
    }
  }

  /**
   * The addresses of a comma-separated list, in its order, without repeats; blank items are
   * skipped.
   *
   * @throws MetasyncException INVALID_ARGUMENT naming {@code source} for a bad item or an empty
   *     list
   */
  public static List<MasterAddress> parseList(String text, String source) {
    List<MasterAddress> addresses = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      if (!item.isBlank()) {
        MasterAddress address = parse(item, source);
        if (!addresses.contains(address)) {
          addresses.add(address);
        }
      }
    }
    if (addresses.isEmpty()) {
      throw MetasyncException.invalidArgument(
          source + " names no master: expected host:port,host:port,... such as m1:19998,m2:19998");
    }
    return List.copyOf(addresses);
  }

  /** {@code host:port}, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
