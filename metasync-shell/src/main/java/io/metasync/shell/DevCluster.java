package io.metasync.shell;

import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Three masters in one journal group on loopback, each a process of its own (so that {@code kill
 * -9} of one is a real crash), each with its own ports and folder under one folder, over one shared
 * local root folder. Each member's command line is kept in {@code mN/start.sh} to restart it alone.
 */
final class DevCluster implements AutoCloseable {
  static final int SIZE = 3;

  /** One member: its ports and process. */
  record Member(
      String name, int rpcPort, int webPort, int journalPort, Path folder, Process process) {
    String rpcAddress() {
      return "localhost:" + rpcPort;
    }
  }

  private final List<Member> members;

  private DevCluster(List<Member> members) {
    this.members = members;
  }

  /**
   * Starts the three masters: member i (from 0) has RPC port {@code basePort + i}, web port {@code
   * basePort + 10 + i} and journal port {@code basePort + 20 + i}.
   */
  static DevCluster start(Path home, Path folder, int basePort) throws IOException {
    String peers =
        IntStream.range(0, SIZE)
            .mapToObj(i -> "localhost:" + (basePort + 20 + i))
            .collect(Collectors.joining(","));
    String addresses =
        IntStream.range(0, SIZE)
            .mapToObj(i -> "localhost:" + (basePort + i))
            .collect(Collectors.joining(","));
    Files.createDirectories(folder.resolve("ufs"));
    List<Member> started = new ArrayList<>();
    try {
      for (int i = 0; i < SIZE; i++) {
        String name = "m" + (i + 1);
        Path memberFolder = folder.resolve(name);
        Files.createDirectories(memberFolder);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Dmetasync.home=" + home);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("master");
        command.add("-Dmetasync.master.hostname=localhost");
        command.add("-Dmetasync.master.rpc.port=" + (basePort + i));
        command.add("-Dmetasync.master.web.port=" + (basePort + 10 + i));
        command.add("-Dmetasync.master.journal.port=" + (basePort + 20 + i));
        command.add("-Dmetasync.master.journal.peers=" + peers);
        command.add("-Dmetasync.master.rpc.addresses=" + addresses);
        command.add("-Dmetasync.master.journal.folder=" + memberFolder.resolve("journal"));
        command.add("-Dmetasync.master.log.dir=" + memberFolder.resolve("logs"));
        command.add("-Dmetasync.master.mount.table.root.ufs=" + folder.resolve("ufs"));
        Files.writeString(
            memberFolder.resolve("start.sh"),
            "#!/bin/sh\n# restarts "
                + name
                + " of bin/metasync dev-cluster alone\nexec "
                + command.stream().map(DevCluster::quoted).collect(Collectors.joining(" "))
                + "\n",
            StandardCharsets.UTF_8);
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(memberFolder.resolve("console.log").toFile())
                .start();
        started.add(
            new Member(
                name, basePort + i, basePort + 10 + i, basePort + 20 + i, memberFolder, process));
      }
    } catch (IOException | RuntimeException e) {
      new DevCluster(started).close();
      throw e;
    }
    return new DevCluster(List.copyOf(started));
  }

  List<Member> members() {
    return members;
  }

  /** The value of {@code metasync.master.rpc.addresses} for clients of this group. */
  String rpcAddresses() {
    return members.stream().map(Member::rpcAddress).collect(Collectors.joining(","));
  }

  /** Stops every member still running (SIGTERM: a clean stop), killing any that hangs. */
  @Override
  public void close() {
    members.forEach(member -> member.process().destroy());
    for (Member member : members) {
      try {
        if (!member.process().waitFor(30, TimeUnit.SECONDS)) {
          member.process().destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        member.process().destroyForcibly();
      }
    }
  }

  /** Fails at once when a member exited during start-up (a busy port, say), naming its log. */
  void checkStarted() {
    for (Member member : members) {
      if (!member.process().isAlive()) {
        throw MetasyncException.invalidArgument(
            "master "
                + member.name()
                + " of the dev cluster exited at start with code "
                + member.process().exitValue()
                + "; see "
                + member.folder().resolve("console.log"));
      }
    }
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
