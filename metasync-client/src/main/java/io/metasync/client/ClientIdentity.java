package io.metasync.client;

import static java.util.Objects.requireNonNull;

import io.grpc.Metadata;
import io.metasync.common.CallHeaders;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who a client calls as: the user its calls act as, the user who authenticates (the same, or a
 * service acting for {@code user} as a proxy), and that user's token when it has one. Sent as call
 * headers with every call.
 *
 * @param token empty when the client has none (the master then wants none: SIMPLE)
 */
public record ClientIdentity(String user, String realUser, String token) {
  public ClientIdentity {
    requireNonNull(user, "user is null");
    requireNonNull(realUser, "realUser is null");
    requireNonNull(token, "token is null");
  }

  /** The OS user running this JVM, with the token in its default token file if there is one. */
  public static ClientIdentity ofOsUser() {
    return of(System.getProperty("user.name", ""));
  }

  /** {@code user} acting for itself, with the token in its default token file if there is one. */
  public static ClientIdentity of(String user) {
    return new ClientIdentity(user, user, readToken(defaultTokenFile()).orElse(""));
  }

  /**
   * The identity of {@code metasync.user.name} (the OS user when empty) with the token in {@code
   * metasync.user.token.file} (by default {@code ~/.metasync/token}) when that file exists.
   *
   * @throws MetasyncException INVALID_ARGUMENT when a token file that was named cannot be read
   */
  public static ClientIdentity from(MetasyncConfiguration conf) {
    String user = conf.get(PropertyKey.USER_NAME);
    if (user.isEmpty()) {
      user = System.getProperty("user.name", "");
    }
    String named = conf.get(PropertyKey.USER_TOKEN_FILE);
    Path tokenFile = named.isEmpty() ? defaultTokenFile() : Path.of(named);
    java.util.Optional<String> token = readToken(tokenFile);
    if (token.isEmpty() && !named.isEmpty()) {
      throw MetasyncException.invalidArgument(
          "cannot read the token file "
              + tokenFile
              + " named by "
              + PropertyKey.USER_TOKEN_FILE.key()
              + "; check the path and that it is readable by this user");
    }
    return new ClientIdentity(user, user, token.orElse(""));
  }

  /** The default token file, {@code ~/.metasync/token}. */
  public static Path defaultTokenFile() {
    return Path.of(System.getProperty("user.home", "."), ".metasync", "token");
  }

  /** The token in {@code file}, if it exists and can be read. */
  public static java.util.Optional<String> readToken(Path file) {
    try {
      return Files.isReadable(file)
          ? java.util.Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip())
          : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** The call headers that say this identity. */
  Metadata headers() {
    Metadata headers = new Metadata();
    headers.put(key(CallHeaders.USER), user);
    if (!realUser.equals(user)) {
      headers.put(key(CallHeaders.REAL_USER), realUser);
    }
    if (!token.isEmpty()) {
      headers.put(key(CallHeaders.TOKEN), token);
    }
    return headers;
  }

  private static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }
}
