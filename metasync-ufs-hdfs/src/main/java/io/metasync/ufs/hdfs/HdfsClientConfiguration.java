package io.metasync.ufs.hdfs;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop configuration of one mount's HDFS client: no {@code *-site.xml} from the class path,
 * this class's defaults, then the mount's {@code --option} properties, which may override any of
 * them and add {@code dfs.*} (HA name services) or {@code hadoop.security.*} settings.
 */
final class HdfsClientConfiguration {
  /**
   * Hadoop's own defaults retry a refused connection 10 times a second apart, and a timed-out one
   * 45 times 20 s each: a dead NameNode would hold a metasync call for minutes. These make it fail
   * within seconds, so the master answers UNAVAILABLE while it can still serve from cache.
   */
  static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("ipc.client.connect.max.retries", "2"),
          Map.entry("ipc.client.connect.retry.interval", "300"),
          Map.entry("ipc.client.connect.timeout", "3000"),
          Map.entry("ipc.client.connect.max.retries.on.timeouts", "1"),
          Map.entry("ipc.client.rpc-timeout.ms", "20000"),
          Map.entry("dfs.client.retry.policy.enabled", "false"),
          Map.entry("dfs.client.failover.max.attempts", "3"),
          Map.entry("dfs.client.failover.sleep.base.millis", "200"),
          Map.entry("dfs.client.failover.sleep.max.millis", "1000"),
          // A file's close usually reaches the NameNode before the DataNode's report of its last
          // block, and the client asks again after this delay, doubling it each time: Hadoop's 400
          // ms made every write through metasync last at least that long. 50 ms, 8 attempts keep
          // Hadoop's total patience (about 12 s) for a slow DataNode.
          Map.entry("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "50"),
          Map.entry("dfs.client.block.write.locateFollowingBlock.retries", "8"),
          // metasync passes every mode explicitly: the UFS contract wants exactly that mode
          Map.entry("fs.permissions.umask-mode", "000"));

  /**
   * The first call of a mount ({@link NameNodeProbe}) waits less: a port where something accepts
   * connections but never answers as a NameNode (a web server waiting for a request, say) would
   * otherwise hold {@code mount} for the whole RPC timeout.
   */
  static final Map<String, String> PROBE_DEFAULTS =
      Map.of(
          "ipc.client.rpc-timeout.ms", "4000", "ipc.client.connect.max.retries.on.timeouts", "0");

  private HdfsClientConfiguration() {}

  static Configuration forMount(Map<String, String> properties) {
    return configuration(DEFAULTS, properties);
  }

  /** As {@link #forMount}, with {@link #PROBE_DEFAULTS}; the mount's own options still win. */
  static Configuration forProbe(Map<String, String> properties) {
    Configuration conf = configuration(DEFAULTS, Map.of());
    PROBE_DEFAULTS.forEach(conf::set);
    properties.forEach(conf::set);
    return conf;
  }

  private static Configuration configuration(
      Map<String, String> defaults, Map<String, String> properties) {
    Configuration conf = new Configuration(false);
    defaults.forEach(conf::set);
    properties.forEach(conf::set);
    return conf;
  }
}
