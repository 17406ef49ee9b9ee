package io.metasync.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.MetasyncException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up, refusal and stop of a master process. */
class MasterProcessTest {
  @TempDir Path folder;

  private MetasyncConfiguration conf(String journal, int rpcPort) {
    Map<String, String> settings = new HashMap<>();
    settings.put("metasync.home", folder.toString());
    settings.put("metasync.master.journal.folder", journal);
    settings.put("metasync.master.rpc.port", String.valueOf(rpcPort));
    settings.put("metasync.master.web.port", "0");
    settings.put("metasync.master.journal.port", "0");
    return MetasyncConfiguration.of(settings);
  }

  @Test
  void createsTheDefaultRootFolderUnderTheHomeFolder() {
    try (MasterProcess master = MasterProcess.start(conf("journal", 0))) {
      assertThat(folder.resolve("data/ufs")).isDirectory();
      assertThat(master.rpcPort()).isPositive();
    }
  }

  @Test
  void aSecondMasterOnABusyPortFailsWithOneLineNamingThePortAndTheKey() {
    try (MasterProcess first = MasterProcess.start(conf("journal-1", 0))) {
      assertThatThrownBy(() -> MasterProcess.start(conf("journal-2", first.rpcPort())))
          .isInstanceOfSatisfying(
              MetasyncException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                assertThat(e.getMessage())
                    .contains("localhost:" + first.rpcPort())
                    .contains("the address is in use (is another master running?)")
                    .contains("-Dmetasync.master.rpc.port=")
                    .doesNotContain("\n");
              });
      // The failed start released what it took: the second journal folder is free again.
      MasterProcess.start(conf("journal-2", 0)).close();
    }
  }

  @Test
  void aTakenJournalPortIsOneLineNamingTheKeyAndWritesNothing() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      Map<String, String> settings = new HashMap<>();
      settings.put("metasync.home", folder.toString());
      settings.put("metasync.master.rpc.port", "0");
      settings.put("metasync.master.web.port", "0");
      settings.put("metasync.master.journal.port", String.valueOf(taken.getLocalPort()));

      assertThatThrownBy(() -> MasterProcess.start(MetasyncConfiguration.of(settings)))
          .isInstanceOf(MetasyncException.class)
          .hasMessage(
              "cannot listen on localhost:"
                  + taken.getLocalPort()
                  + ": the address is in use (is another master running?); choose another port"
                  + " with -Dmetasync.master.journal.port=PORT");
    }
    assertThat(folder.resolve("data/journal")).doesNotExist();
    assertThat(folder.resolve("data/ufs")).doesNotExist();
  }

  @Test
  void twoKeysOnOnePortAreRefusedNamingBoth() {
    Map<String, String> settings = new HashMap<>();
    settings.put("metasync.home", folder.toString());
    settings.put("metasync.master.rpc.port", "0");
    settings.put("metasync.master.web.port", "19200");
    settings.put("metasync.master.journal.port", "19200");

    assertThatThrownBy(() -> MasterProcess.start(MetasyncConfiguration.of(settings)))
        .hasMessage(
            "metasync.master.web.port and metasync.master.journal.port are both 19200;"
                + " give each its own port");
    assertThat(folder.resolve("data")).doesNotExist();
  }

  @Test
  void anUnknownHostNameIsRefusedNamingItsKey() {
    Map<String, String> settings = new HashMap<>();
    settings.put("metasync.home", folder.toString());
    settings.put("metasync.master.hostname", "no-such-host.invalid");
    settings.put("metasync.master.rpc.port", "19998");

    assertThatThrownBy(() -> MasterProcess.start(MetasyncConfiguration.of(settings)))
        .hasMessage(
            "cannot listen on no-such-host.invalid: unknown host 'no-such-host.invalid'; set"
                + " metasync.master.hostname to a name of this machine");
    assertThat(folder.resolve("data")).doesNotExist();
  }

  @Test
  void aSecondMasterOnTheSameJournalFolderIsRefused() {
    try (MasterProcess first = MasterProcess.start(conf("journal", 0))) {
      assertThatThrownBy(() -> MasterProcess.start(conf("journal", 0)))
          .hasMessageContaining("another master is running on the journal folder");
    }
    MasterProcess.start(conf("journal", 0)).close();
  }

  @Test
  void aMissingRootUfsFolderIsCreatedButAnUnknownSchemeIsRefused() throws Exception {
    Map<String, String> settings = new HashMap<>();
    settings.put("metasync.home", folder.toString());
    settings.put("metasync.master.rpc.port", "0");
    settings.put("metasync.master.web.port", "0");
    settings.put("metasync.master.journal.port", "0");
    settings.put("metasync.master.mount.table.root.ufs", "nosuch://host/x");

    assertThatThrownBy(() -> MasterProcess.start(MetasyncConfiguration.of(settings)))
        .hasMessageContaining("nosuch://host/x");
    assertThat(Files.exists(folder.resolve("data/journal/master.lock"))).isTrue();
  }

  @Test
  void theWebPageShowsTheMountTableAndMetricsAreInPrometheusFormat() throws Exception {
    try (MasterProcess master = MasterProcess.start(conf("journal", 0))) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://localhost:" + master.webPort();

      String page =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      String metrics =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();

      assertThat(page)
          .contains("Mount table")
          .contains("file://" + folder.resolve("data/ufs") + "<");
      assertThat(metrics)
          .contains("# TYPE metasync_inodes gauge")
          .containsPattern("metasync_inodes \\d+");
    }
  }
}
