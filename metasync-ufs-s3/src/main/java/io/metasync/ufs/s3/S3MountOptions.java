package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

import io.metasync.common.DurationFormat;
import io.metasync.common.MetasyncException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One S3 mount's {@code --option} values. S3 stores no owner, group or mode, so every entry of the
 * mount reports {@code owner}, {@code group} and {@code mode}. {@link #toString()} never shows the
 * keys.
 *
 * @param credentials the access key and secret key; empty for the SDK's default provider chain
 * @param events where S3 event notifications arrive; empty for the polling change feed
 */
record S3MountOptions(
    Server server,
    Optional<S3Credentials> credentials,
    S3Permissions permissions,
    Transfers transfers,
    Optional<S3EventEndpoint> events) {

  static final String ENDPOINT = "s3.endpoint";
  static final String REGION = "s3.region";
  static final String PATH_STYLE_ACCESS = "s3.path.style.access";
  static final String ACCESS_KEY = "s3.access.key";
  static final String SECRET_KEY = "s3.secret.key";
  static final String OWNER = "s3.owner";
  static final String GROUP = "s3.group";
  static final String MODE = "s3.mode";
  static final String PART_SIZE = "s3.multipart.size";
  static final String COPY_THREADS = "s3.rename.threads";
  static final String EVENTS_PORT = "s3.events.port";
  static final String EVENTS_HOST = "s3.events.host";
  static final String EVENTS_TOKEN = "s3.events.token";
  static final String EVENTS_RECONCILE = "s3.events.reconcile";

  private static final Set<String> KNOWN =
      Set.of(
          ENDPOINT,
          REGION,
          PATH_STYLE_ACCESS,
          ACCESS_KEY,
          SECRET_KEY,
          OWNER,
          GROUP,
          MODE,
          PART_SIZE,
          COPY_THREADS,
          EVENTS_PORT,
          EVENTS_HOST,
          EVENTS_TOKEN,
          EVENTS_RECONCILE);

  /** S3 refuses parts below 5 MiB, except the last. */
  static final long MIN_PART_SIZE = 5L << 20;

  static final long DEFAULT_PART_SIZE = 8L << 20;
  static final int DEFAULT_COPY_THREADS = 8;

  /**
   * Which server: an S3-compatible one's URI (empty for AWS itself), the signing region (empty to
   * let the SDK find the bucket's), and path-style access ({@code http://host/bucket/key} rather
   * than {@code http://bucket.host/key}).
   */
  record Server(Optional<URI> endpoint, Optional<String> region, boolean pathStyleAccess) {
    Server {
      requireNonNull(endpoint, "endpoint is null");
      requireNonNull(region, "region is null");
    }
  }

  /**
   * How bytes move: the bytes per part of a multipart upload or copy (smaller objects are one
   * request), and how many objects a folder rename copies at once.
   */
  record Transfers(long partSize, int copyThreads) {
    Transfers {
      if (partSize < MIN_PART_SIZE) {
        throw MetasyncException.invalidArgument(
            PART_SIZE + "=" + partSize + " is below S3's smallest part, 5 MiB (5242880)");
      }
      if (copyThreads < 1 || copyThreads > 256) {
        throw MetasyncException.invalidArgument(
            COPY_THREADS + "=" + copyThreads + " is out of range: give 1 to 256");
      }
    }
  }

  S3MountOptions {
    requireNonNull(server, "server is null");
    requireNonNull(credentials, "credentials is null");
    requireNonNull(permissions, "permissions is null");
    requireNonNull(transfers, "transfers is null");
    requireNonNull(events, "events is null");
  }

  /**
   * Reads the options of a mount; the defaults are AWS with the default credentials, the JVM's user
   * as owner and group, and mode 0755.
   *
   * @throws MetasyncException INVALID_ARGUMENT naming the option that is unknown or bad
   */
  static S3MountOptions parse(Map<String, String> properties) {
    for (String key : properties.keySet()) {
      if (!KNOWN.contains(key)) {
        throw MetasyncException.invalidArgument(
            "unknown option '" + key + "' for an s3:// mount: known ones are " + sorted(KNOWN));
      }
    }
    String accessKey = properties.get(ACCESS_KEY);
    String secretKey = properties.get(SECRET_KEY);
    if ((accessKey == null) != (secretKey == null)) {
      throw MetasyncException.invalidArgument(
          "give both " + ACCESS_KEY + " and " + SECRET_KEY + ", or neither (default credentials)");
    }
    String user = System.getProperty("user.name", "metasync");
    String owner = properties.getOrDefault(OWNER, user);
    return new S3MountOptions(
        new Server(
            Optional.ofNullable(properties.get(ENDPOINT)).map(S3MountOptions::endpoint),
            Optional.ofNullable(properties.get(REGION)),
            bool(properties, PATH_STYLE_ACCESS)),
        accessKey == null ? Optional.empty() : Optional.of(new S3Credentials(accessKey, secretKey)),
        new S3Permissions(
            owner,
            properties.getOrDefault(GROUP, owner),
            mode(properties.getOrDefault(MODE, "755"))),
        new Transfers(
            number(properties, PART_SIZE, DEFAULT_PART_SIZE),
            (int) number(properties, COPY_THREADS, DEFAULT_COPY_THREADS)),
        events(properties));
  }

  private static Optional<S3EventEndpoint> events(Map<String, String> properties) {
    if (!properties.containsKey(EVENTS_PORT)) {
      for (String key : List.of(EVENTS_HOST, EVENTS_TOKEN, EVENTS_RECONCILE)) {
        if (properties.containsKey(key)) {
          throw MetasyncException.invalidArgument(key + " needs " + EVENTS_PORT + " too");
        }
      }
      return Optional.empty();
    }
    String token = properties.get(EVENTS_TOKEN);
    if (token == null || token.length() < 16) {
      throw MetasyncException.invalidArgument(
          EVENTS_PORT
              + " needs "
              + EVENTS_TOKEN
              + ", a shared secret of at least 16 characters that senders give as a Bearer token");
    }
    long port = number(properties, EVENTS_PORT, 0);
    if (port < 0 || port > 65_535) {
      throw MetasyncException.invalidArgument(EVENTS_PORT + "=" + port + " is not a port");
    }
    Duration reconcile;
    try {
      reconcile = DurationFormat.parse(properties.getOrDefault(EVENTS_RECONCILE, "10min"));
    } catch (RuntimeException e) {
      throw MetasyncException.invalidArgument(
          EVENTS_RECONCILE
              + "="
              + properties.get(EVENTS_RECONCILE)
              + " is not a duration like 10min");
    }
    return Optional.of(
        new S3EventEndpoint(
            properties.getOrDefault(EVENTS_HOST, "127.0.0.1"), (int) port, token, reconcile));
  }

  private static URI endpoint(String value) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(value, "no scheme or host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw MetasyncException.invalidArgument(
          ENDPOINT + "=" + value + " is not a URI like http://127.0.0.1:9000");
    }
  }

  private static boolean bool(Map<String, String> properties, String key) {
    String value = properties.getOrDefault(key, "false").toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw MetasyncException.invalidArgument(
              key + "=" + properties.get(key) + " is neither true nor false");
    };
  }

  private static long number(Map<String, String> properties, String key, long defaultValue) {
    String value = properties.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw MetasyncException.invalidArgument(key + "=" + value + " is not a whole number");
    }
  }

  private static int mode(String value) {
    try {
      int mode = Integer.parseInt(value.trim(), 8);
      if (mode >= 0 && mode <= 0777) {
        return mode;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw MetasyncException.invalidArgument(MODE + "=" + value + " is not an octal mode 000..777");
  }

  private static String sorted(Set<String> keys) {
    return keys.stream().sorted().toList().toString();
  }

  @Override
  public String toString() {
    return "S3MountOptions[endpoint="
        + server.endpoint().map(URI::toString).orElse("AWS")
        + ", region="
        + server.region().orElse("(found by the SDK)")
        + ", pathStyleAccess="
        + server.pathStyleAccess()
        + ", credentials="
        + (credentials.isPresent() ? "(given, not shown)" : "(default provider chain)")
        + ", "
        + permissions
        + ", "
        + transfers
        + ", events="
        + events.map(S3EventEndpoint::toString).orElse("(polling)")
        + "]";
  }
}
