package io.metasync.shell;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.PropertyKey;
import io.metasync.master.MasterProcess;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code master}: runs a master in the foreground until Ctrl-C. The only class of the shell that
 * knows the master's implementation.
 */
@Command(name = "master", description = "Run a master in the foreground; Ctrl-C stops it cleanly.")
final class MasterCommand implements Callable<Integer> {
  @ParentCommand private MetasyncCommand root;

  @Override
  public Integer call() throws InterruptedException {
    ShellEnvironment environment = root.environment();
    MetasyncConfiguration conf = environment.configuration();
    MasterProcess master = MasterProcess.start(conf);
    // Ctrl-C runs the hooks; closing the master ends awaitTermination below
    Runtime.getRuntime().addShutdownHook(new Thread(master::close, "metasync-master-shutdown"));
    environment
        .err()
        .println(
            "metasync master listening on "
                + conf.get(PropertyKey.MASTER_HOSTNAME)
                + ":"
                + master.rpcPort()
                + " (web port "
                + master.webPort()
                + "); root mounted from "
                + UfsUris.toUri(
                    conf.get(PropertyKey.MASTER_MOUNT_TABLE_ROOT_UFS), environment.home())
                + "; Ctrl-C to stop");
    master.awaitTermination();
    return 0;
  }
}
