package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master whose RPC port speaks TLS (gRPC's TLS from PEM files), used through the command line: a
 * plain client is not served, a client that trusts the master's certificate is, and a client
 * certificate proves its CN's user only.
 */
class TlsEndToEndTest {
  @TempDir static Path folder;
  private static RunningMaster running;

  @BeforeAll
  static void start() throws Exception {
    Path certs = Files.createDirectories(folder.resolve("certs"));
    TestCertificates.make(certs, "master", "localhost");
    TestCertificates.make(certs, "etl", "etl");
    running =
        RunningMaster.start(
            folder,
            Map.of(
                "metasync.security.tls.enabled", "true",
                "metasync.master.tls.cert.file", certs.resolve("master.crt").toString(),
                "metasync.master.tls.key.file", certs.resolve("master.key").toString(),
                "metasync.master.tls.client.auth", "OPTIONAL",
                "metasync.master.tls.client.trust.file", certs.resolve("etl.crt").toString()));
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  private static ShellRunner.Result run(List<String> definitions, String... args) {
    List<String> all = new ArrayList<>(definitions);
    all.add("-Dmetasync.master.rpc.port=" + running.master().rpcPort());
    return new ShellRunner(folder, all.toArray(String[]::new)).run(args);
  }

  private static List<String> trusting() {
    return List.of(
        "-Dmetasync.security.tls.enabled=true",
        "-Dmetasync.user.tls.trust.file=" + folder.resolve("certs/master.crt"));
  }

  private static List<String> withCertificate(String user) {
    List<String> definitions = new ArrayList<>(trusting());
    definitions.add("-Dmetasync.user.tls.cert.file=" + folder.resolve("certs/etl.crt"));
    definitions.add("-Dmetasync.user.tls.key.file=" + folder.resolve("certs/etl.key"));
    definitions.add("-Dmetasync.user.name=" + user);
    return definitions;
  }

  @Test
  void aPlainClientIsNotServed() {
    ShellRunner.Result plain = run(List.of(), "fs", "ls", "/");
    assertThat(plain.exitCode()).isEqualTo(1);
    assertThat(plain.err()).startsWith("Error: ").hasLineCount(1);
  }

  @Test
  void aClientThatTrustsTheMastersCertificateIsServed() {
    ShellRunner.Result result = run(trusting(), "fs", "mkdir", "/over-tls");
    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(run(trusting(), "fs", "ls", "/").out()).contains("/over-tls");
  }

  @Test
  void aClientCertificateProvesOnlyItsOwnUser() {
    ShellRunner.Result asEtl = run(withCertificate("etl"), "fs", "ls", "/");
    assertThat(asEtl.exitCode()).as("%s", asEtl).isZero();

    ShellRunner.Result asHive = run(withCertificate("hive"), "fs", "ls", "/");
    assertThat(asHive.exitCode()).isEqualTo(1);
    assertThat(asHive.err())
        .isEqualTo(
            "Error: the call claims user hive but its TLS client certificate is for etl; a"
                + " certificate proves only the user in its CN\n");
  }
}
