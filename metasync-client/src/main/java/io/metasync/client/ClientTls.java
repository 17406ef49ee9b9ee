package io.metasync.client;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How a client reaches the master's RPC port: plain, or TLS trusting the authorities in {@code
 * trustFile} (the JVM's own when null) and, when the master asks for one, presenting the
 * certificate in {@code certFile} with its key (PEM files).
 */
public record ClientTls(boolean enabled, Path trustFile, Path certFile, Path keyFile) {
  public static final ClientTls PLAIN = new ClientTls(false, null, null, null);

  /** From {@code metasync.security.tls.enabled} and the {@code metasync.user.tls.*} files. */
  public static ClientTls from(MetasyncConfiguration conf) {
    return of(
        conf.getBoolean(PropertyKey.SECURITY_TLS_ENABLED),
        conf.get(PropertyKey.USER_TLS_TRUST_FILE),
        conf.get(PropertyKey.USER_TLS_CERT_FILE),
        conf.get(PropertyKey.USER_TLS_KEY_FILE));
  }

  /** From the settings' text values; an empty file name means none. */
  public static ClientTls of(boolean enabled, String trustFile, String certFile, String keyFile) {
    return new ClientTls(enabled, pathOrNull(trustFile), pathOrNull(certFile), pathOrNull(keyFile));
  }

  private static Path pathOrNull(String text) {
    return text == null || text.isBlank() ? null : Path.of(text.strip());
  }

  /**
   * @throws MetasyncException INVALID_ARGUMENT naming the files when they cannot be read
   */
  ChannelCredentials credentials() {
    if (!enabled) {
      return InsecureChannelCredentials.create();
    }
    try {
      TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
      if (trustFile != null) {
        tls.trustManager(trustFile.toFile());
      }
      if (certFile != null && keyFile != null) {
        tls.keyManager(certFile.toFile(), keyFile.toFile());
      }
      return tls.build();
    } catch (IOException | IllegalArgumentException e) {
      throw MetasyncException.invalidArgument(
          "cannot read the client's TLS files ("
              + e.getMessage()
              + "); check "
              + PropertyKey.USER_TLS_TRUST_FILE.key()
              + ", "
              + PropertyKey.USER_TLS_CERT_FILE.key()
              + " and "
              + PropertyKey.USER_TLS_KEY_FILE.key());
    }
  }
}
