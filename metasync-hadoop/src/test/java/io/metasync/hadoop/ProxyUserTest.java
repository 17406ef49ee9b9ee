package io.metasync.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.master.MasterFixture;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that acts for its users with Hadoop's {@code doAs} (as Spark and Trino do) reaches the
 * master through {@code metasync://} as the user it acts for, and only for the users the master
 * allows it ({@code metasync.security.proxyuser.<service>.users}); the user's own permissions then
 * apply.
 */
class ProxyUserTest {
  @TempDir static Path folder;
  private static MasterFixture master;
  private static URI uri;
  private static String service;

  @BeforeAll
  static void start() throws IOException {
    service = UserGroupInformation.getCurrentUser().getShortUserName();
    master =
        MasterFixture.start(
            folder,
            UnaryOperator.identity(),
            Map.of("metasync.security.proxyuser." + service + ".users", "nobody"));
    Files.createDirectories(master.rootFolder().resolve("private"));
    Files.setPosixFilePermissions(
        master.rootFolder().resolve("private"), PosixFilePermissions.fromString("rwx------"));
    uri = URI.create("metasync://localhost:" + master.master().rpcPort() + "/");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    master.close();
  }

  private static <T> T as(String user, PrivilegedExceptionAction<T> action) throws Exception {
    UserGroupInformation proxy =
        UserGroupInformation.createProxyUser(user, UserGroupInformation.getCurrentUser());
    return proxy.doAs(action);
  }

  private static FileSystem fileSystem() throws IOException {
    return FileSystem.newInstance(uri, new Configuration(false));
  }

  @Test
  void anAllowedProxyActsAsTheUserWithTheUsersPermissions() throws Exception {
    boolean rootListed =
        as(
            "nobody",
            () -> {
              try (FileSystem fs = fileSystem()) {
                return fs.listStatus(new org.apache.hadoop.fs.Path("/")).length > 0;
              }
            });
    assertThat(rootListed).isTrue();
    assertThatThrownBy(
            () ->
                as(
                    "nobody",
                    () -> {
                      try (FileSystem fs = fileSystem()) {
                        return fs.listStatus(new org.apache.hadoop.fs.Path("/private"));
                      }
                    }))
        .isInstanceOf(AccessControlException.class)
        .hasMessageContaining("user nobody (via " + service + ") may not list /private");
  }

  @Test
  void aProxyMayNotActForAUserItIsNotAllowed() {
    assertThatThrownBy(
            () ->
                as(
                    "carol",
                    () -> {
                      try (FileSystem fs = fileSystem()) {
                        return fs.getFileStatus(new org.apache.hadoop.fs.Path("/"));
                      }
                    }))
        .isInstanceOf(AccessControlException.class)
        .hasMessageContaining("user " + service + " may not act for user carol")
        .hasMessageContaining("metasync.security.proxyuser." + service + ".users");
  }
}
