package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.master.MasterProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real master on ephemeral ports over temporary folders, for one test class, and a shell that
 * talks to it. Its root UFS is a local folder the tests change behind the master's back.
 */
final class RunningMaster implements AutoCloseable {
  private final Path home;
  private final Path rootUfs;
  private final MasterProcess master;
  private final ShellRunner shell;

  private RunningMaster(Path home, Path rootUfs, MasterProcess master) {
    this.home = home;
    this.rootUfs = rootUfs;
    this.master = master;
    this.shell = new ShellRunner(home, "-Dmetasync.master.rpc.port=" + master.rpcPort());
  }

  static RunningMaster start(Path folder) {
    return start(folder, Map.of());
  }

  /** A master with {@code settings} over the test defaults (free ports, folders under folder). */
  static RunningMaster start(Path folder, Map<String, String> settings) {
    try {
      Path rootUfs = Files.createDirectories(folder.resolve("ufs"));
      Map<String, String> conf = new java.util.HashMap<>();
      conf.put("metasync.home", folder.toString());
      conf.put("metasync.master.mount.table.root.ufs", rootUfs.toString());
      conf.put("metasync.master.journal.folder", folder.resolve("journal").toString());
      conf.put("metasync.master.rpc.port", "0");
      conf.put("metasync.master.web.port", "0");
      conf.put("metasync.master.journal.port", "0");
      conf.putAll(settings);
      MasterProcess master = MasterProcess.start(MetasyncConfiguration.of(conf));
      return new RunningMaster(folder, rootUfs, master);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The install folder of the shell, with no site file. */
  Path home() {
    return home;
  }

  /** The local folder mounted at {@code /}. */
  Path rootUfs() {
    return rootUfs;
  }

  /** Where namespace path {@code path} lives in the root UFS. */
  Path ufsPath(String path) {
    return rootUfs.resolve(path.substring(1));
  }

  MasterProcess master() {
    return master;
  }

  ShellRunner.Result run(String... args) {
    return shell.run(args);
  }

  /** Runs a command that must succeed without a word on stderr. */
  ShellRunner.Result succeed(String... args) {
    ShellRunner.Result result = shell.run(args);
    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.err()).as("%s", result).isEmpty();
    return result;
  }

  /** Runs a command that must fail with exactly one Error line and exit code 1. */
  String fail(String... args) {
    ShellRunner.Result result = shell.run(args);
    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(result.err()).as("%s", result).startsWith("Error: ").hasLineCount(1);
    return result.err().strip();
  }

  @Override
  public void close() {
    master.close();
  }
}
