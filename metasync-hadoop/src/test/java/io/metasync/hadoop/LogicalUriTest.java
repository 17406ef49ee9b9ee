package io.metasync.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.master.MasterFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metasync://NAME/} names the group of masters that {@code
 * metasync.master.rpc.addresses.NAME} lists, as HDFS's name services do; here a dead address and a
 * real master.
 */
class LogicalUriTest {
  @TempDir static Path folder;
  private static MasterFixture master;
  private static String group;

  @BeforeAll
  static void start() throws IOException {
    master = MasterFixture.start(folder);
    group = "localhost:" + deadPort() + ",localhost:" + master.master().rpcPort();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    master.close();
  }

  private static FileSystem newFileSystem(String uri, Map<String, String> settings)
      throws IOException {
    Configuration conf = new Configuration(false);
    settings.forEach(conf::set);
    return FileSystem.newInstance(URI.create(uri), conf);
  }

  @Test
  void logicalNameResolvesThroughItsAddressList() throws IOException {
    try (FileSystem fs =
        newFileSystem(
            "metasync://cluster/", Map.of("metasync.master.rpc.addresses.cluster", group))) {
      assertThat(fs.getUri()).isEqualTo(URI.create("metasync://cluster"));
      assertThat(fs.mkdirs(new org.apache.hadoop.fs.Path("/logical/a"))).isTrue();

      FileStatus[] entries =
          fs.listStatus(new org.apache.hadoop.fs.Path("metasync://cluster/logical"));

      assertThat(entries)
          .extracting(entry -> entry.getPath().toString())
          .containsExactly("metasync://cluster/logical/a");
      assertThat(fs.getFileStatus(entries[0].getPath()).isDirectory()).isTrue();
      assertThat(master.rootFolder().resolve("logical/a")).isDirectory();
    }
  }

  @Test
  void uriWithoutAuthorityUsesTheDefaultAddressList() throws IOException {
    try (FileSystem fs =
        newFileSystem("metasync:///", Map.of("metasync.master.rpc.addresses", group))) {
      assertThat(fs.getUri().getAuthority()).isNull();
      assertThat(fs.getFileStatus(new org.apache.hadoop.fs.Path("metasync:///")).isDirectory())
          .isTrue();
    }
  }

  @Test
  void hostAndPortStaysOneMasterEvenWhenAListHasThatName() throws IOException {
    String single = "localhost:" + master.master().rpcPort();
    try (FileSystem fs =
        newFileSystem(
            "metasync://" + single + "/",
            Map.of("metasync.master.rpc.addresses.localhost", "localhost:" + deadPort()))) {
      assertThat(fs.getUri()).isEqualTo(URI.create("metasync://" + single));
      assertThat(fs.getFileStatus(new org.apache.hadoop.fs.Path("/")).isDirectory()).isTrue();
    }
  }

  @Test
  void fileSystemsOfOneGroupShareOneClient() throws IOException {
    int before = SharedClients.open();
    Map<String, String> settings = Map.of("metasync.master.rpc.addresses.cluster", group);
    try (FileSystem first = newFileSystem("metasync://cluster/", settings);
        FileSystem second = newFileSystem("metasync://cluster/", settings);
        FileSystem other =
            newFileSystem(
                "metasync://cluster/",
                Map.of(
                    "metasync.master.rpc.addresses.cluster",
                    "localhost:" + master.master().rpcPort()))) {
      assertThat(SharedClients.open()).isEqualTo(before + 2);
    }
    assertThat(SharedClients.open()).isEqualTo(before);
  }

  @Test
  void malformedAddressListNamesItsKey() {
    assertThatThrownBy(
            () ->
                newFileSystem(
                    "metasync://cluster/",
                    Map.of("metasync.master.rpc.addresses.cluster", "m1:19998,m2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'m2'")
        .hasMessageContaining("metasync.master.rpc.addresses.cluster");
  }

  private static int deadPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
