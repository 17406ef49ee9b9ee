package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.master.MasterProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master in TOKEN authentication, used through the command line: a claimed user name without its
 * token, or with another user's, is refused and changes nothing; with the token that {@code
 * metasync token} made for it, it is served.
 */
class TokenAuthenticationEndToEndTest {
  @TempDir Path folder;

  @Test
  void aUserIsServedOnlyWithItsOwnToken() throws Exception {
    Path secret = folder.resolve("master.secret");
    // open to everyone before the master caches it, so etl may create in it
    Files.setPosixFilePermissions(
        Files.createDirectories(folder.resolve("ufs")),
        PosixFilePermissions.fromString("rwxrwxrwx"));
    try (RunningMaster running =
        RunningMaster.start(
            folder,
            Map.of(
                "metasync.security.authentication.type",
                "TOKEN",
                "metasync.security.authentication.secret.file",
                secret.toString()))) {
      MasterProcess master = running.master();
      Path root = running.rootUfs();
      ShellRunner admin =
          new ShellRunner(folder, "-Dmetasync.security.authentication.secret.file=" + secret);
      ShellRunner.Result made = admin.run("token", "etl");
      assertThat(made.exitCode()).as("%s", made).isZero();
      Path etlToken = Files.writeString(folder.resolve("etl.token"), made.out());
      Path hiveToken =
          Files.writeString(folder.resolve("hive.token"), admin.run("token", "hive").out());
      Path empty = Files.writeString(folder.resolve("empty.token"), "");

      ShellRunner.Result withoutToken = etl(master, empty).run("fs", "mkdir", "/by-etl");
      assertThat(withoutToken.exitCode()).isEqualTo(1);
      assertThat(withoutToken.err())
          .startsWith("Error: user etl sent no token")
          .contains("bin/metasync token etl")
          .hasLineCount(1);
      ShellRunner.Result withAnothersToken = etl(master, hiveToken).run("fs", "mkdir", "/by-etl");
      assertThat(withAnothersToken.err())
          .startsWith("Error: the token sent for user etl is not that user's");
      assertThat(Files.exists(root.resolve("by-etl"))).isFalse();

      ShellRunner.Result withOwnToken = etl(master, etlToken).run("fs", "mkdir", "/by-etl");
      assertThat(withOwnToken.exitCode()).as("%s", withOwnToken).isZero();
      assertThat(Files.isDirectory(root.resolve("by-etl"))).isTrue();
      assertThat(Files.readString(etlToken, StandardCharsets.US_ASCII).strip())
          .isNotEqualTo(Files.readString(hiveToken, StandardCharsets.US_ASCII).strip());
    }
  }

  private ShellRunner etl(MasterProcess master, Path tokenFile) {
    return new ShellRunner(
        folder,
        "-Dmetasync.master.rpc.port=" + master.rpcPort(),
        "-Dmetasync.user.name=etl",
        "-Dmetasync.user.token.file=" + tokenFile);
  }
}
