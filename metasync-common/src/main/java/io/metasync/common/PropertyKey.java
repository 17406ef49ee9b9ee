package io.metasync.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every configuration key metasync knows, with its default and the kind of value it takes. A {@code
 * metasync.*} key that is not here is refused, so a typo never passes silently.
 */
public enum PropertyKey {
  HOME("metasync.home", ".", ValueKind.STRING, "the install folder that relative paths start from"),
  MASTER_HOSTNAME(
      "metasync.master.hostname",
      "localhost",
      ValueKind.STRING,
      "host the master binds and clients dial"),
  MASTER_RPC_PORT("metasync.master.rpc.port", "19998", ValueKind.PORT, "gRPC port of the master"),
  MASTER_RPC_ADDRESSES(
      "metasync.master.rpc.addresses",
      "",
      ValueKind.STRING,
      "host:port of every master's gRPC port, comma-separated, for clients of a group of masters;"
          + " empty means the one master at metasync.master.hostname:metasync.master.rpc.port"),
  MASTER_WEB_PORT(
      "metasync.master.web.port",
      "19999",
      ValueKind.PORT,
      "web page and /metrics port of the master"),
  MASTER_MOUNT_TABLE_ROOT_UFS(
      "metasync.master.mount.table.root.ufs",
      "data/ufs",
      ValueKind.STRING,
      "UFS URI or local folder mounted at /"),
  MASTER_MOUNT_LOCAL_ALLOWED_ROOTS(
      "metasync.master.mount.local.allowed.roots",
      "",
      ValueKind.ABSOLUTE_FOLDERS,
      "local folders a mount may be in or at (real paths compared); empty means any"),
  MASTER_JOURNAL_FOLDER(
      "metasync.master.journal.folder", "data/journal", ValueKind.STRING, "journal folder"),
  MASTER_JOURNAL_PORT(
      "metasync.master.journal.port",
      "19200",
      ValueKind.PORT,
      "port of this master's journal (Ratis) peer"),
  MASTER_JOURNAL_PEERS(
      "metasync.master.journal.peers",
      "",
      ValueKind.STRING,
      "host:port of every master's journal peer, comma-separated; empty means this master alone"),
  MASTER_JOURNAL_JOIN(
      "metasync.master.journal.join",
      "false",
      ValueKind.BOOLEAN,
      "true on a master that joins a running group (bin/metasync journal add-peer adds it): it"
          + " starts with no group of its own, waits for the leader, and takes its peer id from"
          + " its journal address; keep it true on that master"),
  MASTER_JOURNAL_ELECTION_TIMEOUT(
      "metasync.master.journal.election.timeout",
      "1s",
      ValueKind.DURATION,
      "how long a standby hears nothing from the leader before it may call an election (the"
          + " longest wait is twice this); seconds, not Ratis's 150 ms, so a JVM pause is no"
          + " fail-over"),
  MASTER_JOURNAL_CHECKPOINT_PERIOD_ENTRIES(
      "metasync.master.journal.checkpoint.period.entries",
      "2000000",
      ValueKind.POSITIVE_INT,
      "journal entries applied between two snapshots"),
  MASTER_JOURNAL_LOG_RETAINED_ENTRIES(
      "metasync.master.journal.log.retained.entries",
      "200000",
      ValueKind.POSITIVE_INT,
      "journal entries kept in the log behind the newest snapshot, so that a standby briefly"
          + " behind catches up from the log instead of downloading a snapshot"),
  MASTER_JOURNAL_LOG_SEGMENT_BYTES(
      "metasync.master.journal.log.segment.bytes",
      "8388608",
      ValueKind.POSITIVE_INT,
      "size of one journal log segment file; the log is purged a whole segment at a time"),
  MASTER_METASTORE(
      "metasync.master.metastore",
      "ROCKS",
      ValueKind.METASTORE,
      "where inodes live: ROCKS (RocksDB, off-heap) or HEAP"),
  MASTER_METASTORE_DIR(
      "metasync.master.metastore.dir",
      "",
      ValueKind.STRING,
      "RocksDB folder of the inodes; empty means metastore under the journal folder"),
  MASTER_METASTORE_INODE_CACHE_SIZE(
      "metasync.master.metastore.inode.cache.size",
      "100000",
      ValueKind.POSITIVE_INT,
      "inodes kept on the heap in front of RocksDB"),
  MASTER_SYNC_CONCURRENCY(
      "metasync.master.sync.concurrency",
      "8",
      ValueKind.POSITIVE_INT,
      "folders one recursive sync lists at once"),
  MASTER_SYNC_BATCH_SIZE(
      "metasync.master.sync.batch.size",
      "1000",
      ValueKind.POSITIVE_INT,
      "inode changes applied per batch"),
  MASTER_LOG_DIR(
      "metasync.master.log.dir",
      "logs",
      ValueKind.STRING,
      "folder of bin/metasync master's log file master.log (rotated daily and at 100 MB)"),
  MASTER_SYNC_LOG_THRESHOLD(
      "metasync.master.sync.log.threshold",
      "1s",
      ValueKind.DURATION,
      "a sync that takes at least this long is logged at INFO, a faster one at DEBUG"),
  MASTER_SYNC_PATH_CACHE_CAPACITY(
      "metasync.master.sync.path.cache.capacity",
      "200000",
      ValueKind.POSITIVE_INT,
      "paths whose last sync time is remembered"),
  MASTER_WATCH_RETAINED_CHANGES(
      "metasync.master.watch.retained.changes",
      "100000",
      ValueKind.POSITIVE_INT,
      "recent changes the master keeps (also across restarts, with each journal snapshot) so that"
          + " fs watch --from resumes; an older cursor must list again"),
  MASTER_WATCH_SUBSCRIBER_QUEUE_CHANGES(
      "metasync.master.watch.subscriber.queue.changes",
      "10000",
      ValueKind.POSITIVE_INT,
      "changes that may wait for one watcher that reads slowly before it is dropped (it may"
          + " resume from its last index)"),
  MASTER_ABSENT_PATH_CACHE_CAPACITY(
      "metasync.master.absent.path.cache.capacity",
      "100000",
      ValueKind.POSITIVE_INT,
      "paths remembered as absent from the UFS"),
  USER_FILE_METADATA_SYNC_INTERVAL(
      "metasync.user.file.metadata.sync.interval",
      "-1",
      ValueKind.SYNC_INTERVAL,
      "default sync interval of a call"),
  USER_FILE_METADATA_LOAD_TYPE(
      "metasync.user.file.metadata.load.type",
      "ONCE",
      ValueKind.LOAD_TYPE,
      "default load type of a call"),
  USER_FILE_READ_DIRECT(
      "metasync.user.file.read.direct",
      "true",
      ValueKind.BOOLEAN,
      "the Hadoop client reads file bytes from the UFS itself, not through the master"),
  USER_DEBUG("metasync.user.debug", "false", ValueKind.BOOLEAN, "print stack traces with errors"),
  USER_RPC_RETRY_DURATION(
      "metasync.user.rpc.retry.duration",
      "30s",
      ValueKind.DURATION,
      "how long one call keeps looking for the leading master before it fails with UNAVAILABLE"),
  ACTIVESYNC_INTERVAL(
      "metasync.master.activesync.interval", "30s", ValueKind.DURATION, "active sync period"),
  ACTIVESYNC_MAX_ACTIVITY(
      "metasync.master.activesync.maxactivity",
      "10",
      ValueKind.POSITIVE_INT,
      "activity below which a sync point is quiet"),
  ACTIVESYNC_MAX_AGE(
      "metasync.master.activesync.maxage",
      "10",
      ValueKind.POSITIVE_INT,
      "intervals a busy sync point may wait"),
  ACTIVESYNC_INITIAL_SYNC(
      "metasync.master.activesync.initialsync",
      "true",
      ValueKind.BOOLEAN,
      "sync a new sync point at once"),
  SECURITY_AUTHENTICATION_TYPE(
      "metasync.security.authentication.type",
      "SIMPLE",
      ValueKind.AUTHENTICATION,
      "how the master learns who calls: SIMPLE (the client's user name), TOKEN (proven by a"
          + " per-user token) or NONE (every call acts as the master's user; trials only)"),
  SECURITY_AUTHENTICATION_NONE_ALLOWED(
      "metasync.security.authentication.none.allowed",
      "false",
      ValueKind.BOOLEAN,
      "must be true for the master to start with authentication type NONE"),
  SECURITY_AUTHENTICATION_SECRET_FILE(
      "metasync.security.authentication.secret.file",
      "data/master.secret",
      ValueKind.STRING,
      "the master's secret that user tokens are made from (created on first use, mode 600)"),
  SECURITY_AUTHORIZATION_PERMISSION_ENABLED(
      "metasync.security.authorization.permission.enabled",
      "true",
      ValueKind.BOOLEAN,
      "check POSIX mode bits on every call, as the HDFS NameNode does"),
  SECURITY_SUPERGROUP(
      "metasync.security.supergroup",
      "supergroup",
      ValueKind.STRING,
      "members of this group are superusers (administrators), as is the master's own user"),
  SECURITY_UMASK(
      "metasync.security.authorization.umask",
      "022",
      ValueKind.UMASK,
      "bits taken away from 777 (folders) and 666 (files) created through metasync"),
  SECURITY_TLS_ENABLED(
      "metasync.security.tls.enabled",
      "false",
      ValueKind.BOOLEAN,
      "the RPC port speaks TLS (the master and its clients must agree)"),
  MASTER_TLS_CERT_FILE(
      "metasync.master.tls.cert.file",
      "",
      ValueKind.STRING,
      "the master's certificate chain (PEM) for TLS"),
  MASTER_TLS_KEY_FILE(
      "metasync.master.tls.key.file",
      "",
      ValueKind.STRING,
      "the master's private key (PEM, PKCS#8) for TLS"),
  MASTER_TLS_CLIENT_AUTH(
      "metasync.master.tls.client.auth",
      "NONE",
      ValueKind.TLS_CLIENT_AUTH,
      "client certificates: NONE, OPTIONAL or REQUIRE; a certificate's CN is its user"),
  MASTER_TLS_CLIENT_TRUST_FILE(
      "metasync.master.tls.client.trust.file",
      "",
      ValueKind.STRING,
      "the certificate authorities (PEM) that sign client certificates"),
  USER_TLS_TRUST_FILE(
      "metasync.user.tls.trust.file",
      "",
      ValueKind.STRING,
      "the certificate authorities (PEM) a client trusts for the master; empty means the JVM's"),
  USER_TLS_CERT_FILE(
      "metasync.user.tls.cert.file",
      "",
      ValueKind.STRING,
      "the client's own certificate chain (PEM), when the master asks for one"),
  USER_TLS_KEY_FILE(
      "metasync.user.tls.key.file", "", ValueKind.STRING, "the client's private key (PEM, PKCS#8)"),
  USER_NAME(
      "metasync.user.name",
      "",
      ValueKind.STRING,
      "the user a client calls as; empty means the OS user running it"),
  USER_TOKEN_FILE(
      "metasync.user.token.file",
      "",
      ValueKind.STRING,
      "the file holding the client's user token; empty means ~/.metasync/token");

  /**
   * Keys made of a prefix, a user name and a suffix, as Hadoop's {@code hadoop.proxyuser.*}: which
   * users and groups a service user may act for.
   */
  public static final java.util.regex.Pattern PROXY_USER_KEY =
      java.util.regex.Pattern.compile("metasync\\.security\\.proxyuser\\.([^.]+)\\.(users|groups)");

  private static final Map<String, PropertyKey> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(PropertyKey::key, Function.identity()));

  /** 1 to 999 (leading zeros allowed): a bare number that is likely not meant as milliseconds. */
  private static final Pattern SMALL_BARE_NUMBER = Pattern.compile("0*[1-9]\\d{0,2}");

  private final String key;
  private final String defaultValue;
  private final ValueKind kind;
  private final String description;

  PropertyKey(String key, String defaultValue, ValueKind kind, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.kind = kind;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public ValueKind kind() {
    return kind;
  }

  public String description() {
    return description;
  }

  /**
   * A warning about a valid value of this key that is probably not what was meant, or empty: a bare
   * number from 1 to 999 for a duration or sync interval is milliseconds, so {@code 30} (meant as
   * seconds) would ask the UFS on almost every call or run active sync 33 times a second.
   */
  public Optional<String> warning(String value) {
    boolean duration = kind == ValueKind.DURATION || kind == ValueKind.SYNC_INTERVAL;
    String bare = value.strip();
    if (!duration || !SMALL_BARE_NUMBER.matcher(bare).matches()) {
      return Optional.empty();
    }
    long millis = Long.parseLong(bare);
    return Optional.of(
        key + "=" + bare + " means " + millis + " ms; write " + millis + "s for seconds");
  }

  public static Optional<PropertyKey> fromKey(String key) {
    return Optional.ofNullable(BY_NAME.get(key));
  }

  /** The kinds of value a key takes; each knows how to check a value and says what it expects. */
  public enum ValueKind {
    STRING("any text"),
    PORT("a port number from 0 to 65535"),
    POSITIVE_INT("a whole number of at least 1"),
    BOOLEAN("true or false"),
    DURATION("a duration such as 500ms, 30s, 5min, 2h"),
    SYNC_INTERVAL("-1 (never), 0 (always) or a duration such as 500ms, 30s, 5min"),
    LOAD_TYPE("NEVER, ONCE or ALWAYS"),
    METASTORE("ROCKS or HEAP"),
    AUTHENTICATION("SIMPLE, TOKEN or NONE"),
    TLS_CLIENT_AUTH("NONE, OPTIONAL or REQUIRE"),
    UMASK("an octal mask from 000 to 777, such as 022"),
    ABSOLUTE_FOLDERS("absolute folders, comma-separated, such as /data,/srv/shared; or nothing");

    private final String expected;

    ValueKind(String expected) {
      this.expected = expected;
    }

    public String expected() {
      return expected;
    }

    /**
     * The folders of an {@link #ABSOLUTE_FOLDERS} value, normalized; empty items are ignored.
     *
     * @throws IllegalArgumentException when a folder is not absolute
     */
    static List<Path> absoluteFolders(String value) {
      List<Path> folders = new ArrayList<>();
      for (String item : value.split(",", -1)) {
        if (!item.isBlank()) {
          Path folder = Path.of(item.strip());
          Preconditions.checkArgument(folder.isAbsolute(), "%s is not absolute", item.strip());
          folders.add(folder.normalize());
        }
      }
      return List.copyOf(folders);
    }

    /**
     * @throws IllegalArgumentException when {@code value} is not of this kind
     */
    void check(String value) {
      switch (this) {
        case STRING -> {}
        case PORT -> {
          int port = Integer.parseInt(value.strip());
          Preconditions.checkArgument(port >= 0 && port <= 65535, "out of range");
        }
        case POSITIVE_INT ->
            Preconditions.checkArgument(Integer.parseInt(value.strip()) >= 1, "below 1");
        case BOOLEAN ->
            Preconditions.checkArgument(
                value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false"),
                "not a boolean");
        case DURATION -> DurationFormat.parse(value);
        case SYNC_INTERVAL -> SyncInterval.parse(value);
        case LOAD_TYPE -> LoadType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        case METASTORE -> MetastoreType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        case TLS_CLIENT_AUTH ->
            Preconditions.checkArgument(
                java.util.Set.of("NONE", "OPTIONAL", "REQUIRE")
                    .contains(value.strip().toUpperCase(Locale.ROOT)),
                "not a client auth");
        case AUTHENTICATION -> AuthenticationType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        case UMASK ->
            Preconditions.checkArgument(value.strip().matches("[0-7]{1,3}"), "not an octal mask");
        case ABSOLUTE_FOLDERS -> absoluteFolders(value);
      }
    }
  }
}
