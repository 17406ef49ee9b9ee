package io.metasync.master.journal;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.PropertyKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.TimeDuration;

/**
 * The Ratis settings of the journal, and why each differs from Ratis's default (see
 * docs/high-availability.md for the operator's view).
 */
final class RatisProperties {
  private static final int SNAPSHOTS_RETAINED = 2;

  /**
   * The first election after a start: short, since nobody has led yet, so a single master or a
   * group started together does not wait a whole election timeout before it serves.
   */
  private static final Duration FIRST_ELECTION_MIN = Duration.ofMillis(200);

  /**
   * The part of the election timeout during which a leader answers reads without asking the others:
   * a standby waits at least the whole timeout before it may be elected, so a deposed leader's
   * lease has ended before a new leader can write.
   */
  private static final double LEADER_LEASE_RATIO = 0.9;

  private RatisProperties() {}

  static RaftProperties of(MetasyncConfiguration conf, Path raftFolder, JournalPeers peers) {
    RaftProperties properties = new RaftProperties();
    RaftConfigKeys.Rpc.setType(properties, SupportedRpcType.GRPC);
    RaftServerConfigKeys.setStorageDir(properties, List.of(raftFolder.toFile()));
    GrpcConfigKeys.Server.setHost(properties, peers.selfHost());
    GrpcConfigKeys.Server.setPort(properties, peers.selfPort());
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(properties, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(
        properties, conf.getInt(PropertyKey.MASTER_JOURNAL_CHECKPOINT_PERIOD_ENTRIES));
    RaftServerConfigKeys.Snapshot.setTriggerWhenStopEnabled(properties, true);
    RaftServerConfigKeys.Snapshot.setRetentionFileNum(properties, SNAPSHOTS_RETAINED);
    setElection(properties, conf.getDuration(PropertyKey.MASTER_JOURNAL_ELECTION_TIMEOUT));
    return properties;
  }

  /**
   * Ratis's 150-300 ms election timeouts suit a C++ process on a quiet network; a JVM's garbage
   * collection pauses that long, and each pause would cost a fail-over. Between {@code timeout} and
   * twice that, a standby that hears nothing calls an election (pre-vote first, so a master that
   * was cut off and comes back does not depose a healthy leader).
   */
  private static void setElection(RaftProperties properties, Duration timeout) {
    RaftServerConfigKeys.Rpc.setTimeoutMin(properties, millis(timeout));
    RaftServerConfigKeys.Rpc.setTimeoutMax(properties, millis(timeout.multipliedBy(2)));
    Duration firstMin = timeout.compareTo(FIRST_ELECTION_MIN) < 0 ? timeout : FIRST_ELECTION_MIN;
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(properties, millis(firstMin));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(
        properties, millis(firstMin.multipliedBy(2)));
    RaftServerConfigKeys.LeaderElection.setPreVote(properties, true);
    RaftServerConfigKeys.Read.setOption(properties, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
    RaftServerConfigKeys.Read.setLeaderLeaseEnabled(properties, true);
    RaftServerConfigKeys.Read.setLeaderLeaseTimeoutRatio(properties, LEADER_LEASE_RATIO);
  }

  private static TimeDuration millis(Duration duration) {
    return TimeDuration.valueOf(duration.toMillis(), TimeUnit.MILLISECONDS);
  }
}
