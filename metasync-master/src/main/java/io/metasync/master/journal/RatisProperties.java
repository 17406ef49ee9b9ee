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
import org.apache.ratis.util.SizeInBytes;
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
    setLogRetention(properties, conf);
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

  /**
   * Purges the log up to the newest snapshot minus {@code log.retained.entries}, whether or not
   * every follower has the purged entries: Ratis's default waits for the slowest follower, so a
   * dead standby would keep the whole log forever. The retained entries let a standby that was
   * briefly behind (a restart, a pause) catch up from the log; only one behind by more than that
   * downloads the snapshot, and once, since it then has the snapshot's index (Ozone HDDS-8131,
   * HDDS-13268: purging right up to each snapshot sent lagging followers a full snapshot again and
   * again). The purge gap keeps the leader from purging after every snapshot of a small period.
   */
  private static void setLogRetention(RaftProperties properties, MetasyncConfiguration conf) {
    int retained = conf.getInt(PropertyKey.MASTER_JOURNAL_LOG_RETAINED_ENTRIES);
    int segmentBytes = conf.getInt(PropertyKey.MASTER_JOURNAL_LOG_SEGMENT_BYTES);
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(properties, true);
    RaftServerConfigKeys.Log.setPurgePreservationLogNum(properties, retained);
    RaftServerConfigKeys.Log.setPurgeGap(
        properties,
        Math.max(
            1, Math.min(conf.getInt(PropertyKey.MASTER_JOURNAL_CHECKPOINT_PERIOD_ENTRIES), 1024)));
    RaftServerConfigKeys.Log.setSegmentSizeMax(properties, SizeInBytes.valueOf(segmentBytes));
    // a segment is preallocated up to this size; never more than the segment itself
    RaftServerConfigKeys.Log.setPreallocatedSize(
        properties, SizeInBytes.valueOf(Math.min(segmentBytes, 4 << 20)));
  }

  private static TimeDuration millis(Duration duration) {
    return TimeDuration.valueOf(duration.toMillis(), TimeUnit.MILLISECONDS);
  }
}
