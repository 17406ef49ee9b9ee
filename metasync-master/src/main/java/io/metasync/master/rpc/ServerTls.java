package io.metasync.master.rpc;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The RPC port's transport: plain, or TLS with gRPC's own TLS support from PEM files (the master's
 * certificate chain and PKCS#8 key, and optionally the authorities that sign client certificates).
 */
public final class ServerTls {
  private ServerTls() {}

  /**
   * @throws MetasyncException INVALID_ARGUMENT naming the key of a file that is missing or bad
   */
  public static ServerCredentials credentials(MetasyncConfiguration conf) {
    if (!conf.getBoolean(PropertyKey.SECURITY_TLS_ENABLED)) {
      return InsecureServerCredentials.create();
    }
    Path cert = requiredFile(conf, PropertyKey.MASTER_TLS_CERT_FILE);
    Path key = requiredFile(conf, PropertyKey.MASTER_TLS_KEY_FILE);
    String clientAuth = conf.get(PropertyKey.MASTER_TLS_CLIENT_AUTH).toUpperCase(Locale.ROOT);
    try {
      TlsServerCredentials.Builder tls =
          TlsServerCredentials.newBuilder().keyManager(cert.toFile(), key.toFile());
      if (!clientAuth.equals("NONE")) {
        tls.trustManager(requiredFile(conf, PropertyKey.MASTER_TLS_CLIENT_TRUST_FILE).toFile())
            .clientAuth(
                clientAuth.equals("REQUIRE")
                    ? TlsServerCredentials.ClientAuth.REQUIRE
                    : TlsServerCredentials.ClientAuth.OPTIONAL);
      }
      return tls.build();
    } catch (IOException | IllegalArgumentException e) {
      throw MetasyncException.invalidArgument(
          "cannot read the master's TLS files "
              + cert
              + " and "
              + key
              + " ("
              + e.getMessage()
              + "); check "
              + PropertyKey.MASTER_TLS_CERT_FILE.key()
              + " (PEM certificates) and "
              + PropertyKey.MASTER_TLS_KEY_FILE.key()
              + " (a PEM PKCS#8 key)");
    }
  }

  private static Path requiredFile(MetasyncConfiguration conf, PropertyKey key) {
    String value = conf.get(key);
    if (value.isEmpty()) {
      throw MetasyncException.invalidArgument(
          key.key() + " is needed with " + PropertyKey.SECURITY_TLS_ENABLED.key() + "=true");
    }
    Path file = conf.getPath(key);
    if (!Files.isReadable(file)) {
      throw MetasyncException.invalidArgument(
          "cannot read " + file + " (" + key.key() + "); check the path and its permissions");
    }
    return file;
  }
}
