package io.metasync.shell;

import io.metasync.common.PropertyKey;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FsShell;
import org.apache.hadoop.util.ToolRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hadoop-fs ARGS...}: Hadoop's own {@code hadoop fs} shell, to change a UFS behind
 * metasync's back without a Hadoop install. {@link Main} runs it before picocli parses anything,
 * since its arguments are Hadoop's options ({@code -ls -h}), not ours; this class is registered
 * with picocli for the help text only.
 */
@Command(
    name = "hadoop-fs",
    description =
        "Hadoop's own 'hadoop fs' shell (-ls, -put, -rm, -mv, -touchz, -chmod, ...), to change"
            + " HDFS or a local folder behind metasync's back; see 'metasync hadoop-fs -help'.")
final class HadoopFsCommand implements Runnable {
  static final String NAME = "hadoop-fs";

  @Parameters(paramLabel = "ARGS", description = "Arguments of 'hadoop fs'.")
  private List<String> arguments;

  /**
   * Closes the {@code metasync://} file systems the command used (Hadoop caches them per JVM):
   * their gRPC channels end with the command, and a later command in the same JVM gets a new one
   * that reads its own {@code -Dmetasync.user...} settings. Other schemes' cached file systems are
   * left alone, since other code in the JVM may share them.
   */
  private static void closeMetasyncFileSystems(Configuration conf, List<String> arguments) {
    for (String argument : arguments) {
      if (argument.startsWith("metasync://")) {
        try {
          FileSystem.get(URI.create(argument), conf).close();
        } catch (IOException | IllegalArgumentException e) {
          // not a usable URI, or already failed: nothing left to close
        }
      }
    }
  }

  @Override
  public void run() {
    throw new IllegalStateException("hadoop-fs runs before picocli parses the command line");
  }

  /**
   * Runs FsShell and returns its exit code. {@code -Dkey=value} definitions other than metasync's
   * own become Hadoop settings (e.g. {@code -Ddfs.replication=1}); of metasync's own, the client
   * settings ({@code metasync.user.*}) and the groups of masters ({@code
   * metasync.master.rpc.addresses} and its {@code .NAME} forms) do too, since {@code metasync://}
   * paths read them there.
   */
  static int run(ShellEnvironment environment, List<String> arguments) throws Exception {
    Configuration conf = new Configuration(false);
    // Hadoop's defaults (core-default.xml) are not read: the two that s3a:// needs are set here
    conf.set("fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
    conf.set(
        "hadoop.tmp.dir",
        System.getProperty("java.io.tmpdir") + "/hadoop-" + System.getProperty("user.name"));
    for (Map.Entry<String, String> definition : environment.definitions().entrySet()) {
      if (!definition.getKey().startsWith("metasync.")
          || definition.getKey().startsWith("metasync.user.")
          || definition.getKey().startsWith(PropertyKey.MASTER_RPC_ADDRESSES.key())) {
        conf.set(definition.getKey(), definition.getValue());
        PropertyKey.fromKey(definition.getKey())
            .flatMap(key -> key.warning(definition.getValue()))
            .ifPresent(warning -> environment.err().println("Warning: " + warning));
      }
    }
    // FsShell's commands print to System.out and System.err as they are when each is made
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    synchronized (HadoopFsCommand.class) {
      System.setOut(environment.out());
      System.setErr(environment.err());
      FsShell shell = new FsShell(conf);
      try {
        return ToolRunner.run(shell, arguments.toArray(String[]::new));
      } finally {
        shell.close();
        closeMetasyncFileSystems(conf, arguments);
        environment.out().flush();
        System.setOut(savedOut);
        System.setErr(savedErr);
      }
    }
  }
}
