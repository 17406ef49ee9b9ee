package io.metasync.shell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dev-cluster}: three masters in one journal group, in the foreground until Ctrl-C. */
@Command(
    name = "dev-cluster",
    description =
        "Run three masters in one journal group on loopback (each its own process, ports and"
            + " folder), for trying high availability: kill the leader and watch a standby take"
            + " over; Ctrl-C stops them all.")
final class DevClusterCommand implements Callable<Integer> {
  static final String DEFAULT_FOLDER = "data/dev-cluster";

  @ParentCommand private MetasyncCommand root;

  @Option(
      names = "--base-port",
      paramLabel = "P",
      defaultValue = "19300",
      description =
          "Master i (from 0) listens on P+i (RPC), P+10+i (web), P+20+i (journal)"
              + " (default: ${DEFAULT-VALUE}).")
  private int basePort;

  @Option(
      names = "--dir",
      paramLabel = "D",
      description =
          "The folder of the masters' journals and logs and of their shared root UFS, kept across"
              + " restarts (default: "
              + DEFAULT_FOLDER
              + " under the install folder).")
  private Path folder;

  @Override
  public Integer call() throws Exception {
    ShellEnvironment environment = root.environment();
    Path data =
        (folder == null ? environment.home().resolve(DEFAULT_FOLDER) : folder)
            .toAbsolutePath()
            .normalize();
    StopSignals stopSignals = StopSignals.install();
    PrintStream err = environment.err();
    try (DevCluster cluster = DevCluster.start(environment.home(), data, basePort)) {
      err.println(
          "metasync dev-cluster: "
              + DevCluster.SIZE
              + " masters in one journal group, folders under "
              + data
              + "; Ctrl-C stops them all");
      for (DevCluster.Member member : cluster.members()) {
        err.println(
            "  "
                + member.name()
                + "  pid "
                + member.process().pid()
                + "  rpc "
                + member.rpcAddress()
                + "  web http://localhost:"
                + member.webPort()
                + "  log "
                + member.folder().resolve("logs/master.log"));
      }
      String clients = "-Dmetasync.master.rpc.addresses=" + cluster.rpcAddresses();
      err.println("  use it:     bin/metasync " + clients + " fs ls /");
      err.println("  roles:      bin/metasync " + clients + " fs masterInfo");
      err.println(
          "  fail over:  kill -9 the leader's pid; clients carry on with the new leader within"
              + " seconds");
      err.println("  restart one: sh " + data.resolve("m1/start.sh") + " (or m2, m3)");
      cluster.checkStarted();
      int exitCode = stopSignals.await();
      err.println("metasync dev-cluster: stopping");
      return exitCode;
    } finally {
      err.println("metasync dev-cluster: stopped");
    }
  }
}
