package io.metasync.bench;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.master.MasterProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A master in a JVM of its own, for the restart and metastore scenarios: {@code ChildMaster HOME
 * UFS_ROOT [KEY=VALUE ...]}. Prints {@code listening PORT inodes N} on stdout once it serves, then
 * obeys lines on stdin: {@code heap} answers {@code heap BYTES inodes N} (used heap after full
 * GCs), {@code stop} closes the master cleanly (Ratis snapshots on close) and exits. The parent
 * kills it with {@code Process.destroyForcibly()} (SIGKILL) to test a restart that replays the
 * journal's tail.
 */
public final class ChildMaster {
  private ChildMaster() {}

  public static void main(String[] args) throws Exception {
    String home = args[0];
    Map<String, String> settings = new HashMap<>();
    for (int i = 2; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      settings.put(args[i].substring(0, equals), args[i].substring(equals + 1));
    }
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
                Map.of(
                    "metasync.home",
                    home,
                    "metasync.master.mount.table.root.ufs",
                    args[1],
                    "metasync.master.journal.folder",
                    home + "/journal",
                    "metasync.master.rpc.port",
                    "0",
                    "metasync.master.web.port",
                    "0",
                    "metasync.master.journal.port",
                    "0"))
            .with(settings);
    MasterProcess master = MasterProcess.start(conf);
    System.out.println(
        "listening " + master.rpcPort() + " inodes " + master.namespace().inodeCount());
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    String line;
    while ((line = in.readLine()) != null) {
      switch (line.trim()) {
        case "heap" -> {
          for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
          }
          System.out.println(
              "heap "
                  + memory.getHeapMemoryUsage().getUsed()
                  + " inodes "
                  + master.namespace().inodeCount());
          System.out.flush();
        }
        case "stop" -> {
          master.close();
          System.out.println("stopped");
          System.out.flush();
          System.exit(0);
        }
        default -> System.out.println("unknown command " + line);
      }
    }
    master.close();
  }
}
