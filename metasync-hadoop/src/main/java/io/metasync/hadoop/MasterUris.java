package io.metasync.hadoop;

import io.metasync.client.MasterAddress;
import io.metasync.client.MasterGroup;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Which masters a {@code metasync://} URI names, in the style of HDFS's logical name services:
 * {@code metasync://NAME/path} is the group listed by {@code metasync.master.rpc.addresses.NAME}
 * when the Hadoop configuration has that key; {@code metasync://HOST:PORT/path} (or without the
 * port, 19998) is that one master; {@code metasync:///path} is the group of {@code
 * metasync.master.rpc.addresses} when set, else the master at localhost:19998.
 */
final class MasterUris {
  /** The masters a URI names, and the file system's URI (scheme and authority only). */
  record Resolved(URI uri, MasterGroup masters) {}

  private static final String ADDRESSES = PropertyKey.MASTER_RPC_ADDRESSES.key();
  private static final PropertyKey RETRY = PropertyKey.USER_RPC_RETRY_DURATION;

  private MasterUris() {}

  /**
   * @throws IllegalArgumentException naming the key when an address list or the retry duration is
   *     malformed
   */
  static Resolved resolve(URI name, Configuration conf) {
    Duration retry = retryDuration(conf);
    String authority = name.getAuthority();
    if (authority == null) {
      String listed = conf.getTrimmed(ADDRESSES, "");
      if (!listed.isEmpty()) {
        return new Resolved(
            URI.create(MetasyncFileSystem.SCHEME + ":///"), group(listed, ADDRESSES, retry));
      }
    } else {
      String logical = logicalAddresses(authority, conf);
      if (!logical.isEmpty()) {
        return new Resolved(
            URI.create(MetasyncFileSystem.SCHEME + "://" + authority),
            group(logical, ADDRESSES + "." + authority, retry));
      }
    }
    String host =
        name.getHost() == null ? PropertyKey.MASTER_HOSTNAME.defaultValue() : name.getHost();
    int port =
        name.getPort() == -1
            ? Integer.parseInt(PropertyKey.MASTER_RPC_PORT.defaultValue())
            : name.getPort();
    MasterAddress address = new MasterAddress(host, port);
    return new Resolved(
        URI.create(MetasyncFileSystem.SCHEME + "://" + address),
        new MasterGroup(List.of(address), retry));
  }

  /** Whether {@code uri}'s authority is a logical name, which Hadoop must not resolve as a host. */
  static boolean isLogical(URI uri, Configuration conf) {
    return uri.getAuthority() != null && !logicalAddresses(uri.getAuthority(), conf).isEmpty();
  }

  private static String logicalAddresses(String authority, Configuration conf) {
    return conf.getTrimmed(ADDRESSES + "." + authority, "");
  }

  private static MasterGroup group(String listed, String key, Duration retry) {
    try {
      return new MasterGroup(MasterAddress.parseList(listed, key), retry);
    } catch (MetasyncException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static Duration retryDuration(Configuration conf) {
    String value = conf.getTrimmed(RETRY.key());
    if (value == null) {
      return MasterGroup.defaultRetryDuration();
    }
    try {
      return MetasyncConfiguration.of(Map.of(RETRY.key(), value)).getDuration(RETRY);
    } catch (MetasyncException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
