package io.metasync.shell;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dev-hdfs}: a real single-node HDFS in the foreground until Ctrl-C. */
@Command(
    name = "dev-hdfs",
    description =
        "Run a real single-node HDFS (NameNode and DataNode on loopback) in the foreground,"
            + " for trying HDFS mounts; Ctrl-C stops it cleanly.")
final class DevHdfsCommand implements Callable<Integer> {
  static final String DEFAULT_FOLDER = "data/dev-hdfs";

  @ParentCommand private MetasyncCommand root;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "9000",
      description = "The NameNode's port (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--dir",
      paramLabel = "D",
      description =
          "The folder of its files, formatted on first use and kept across restarts"
              + " (default: "
              + DEFAULT_FOLDER
              + " under the install folder).")
  private Path folder;

  @Override
  public Integer call() throws Exception {
    ShellEnvironment environment = root.environment();
    Path data = folder == null ? environment.home().resolve(DEFAULT_FOLDER) : folder;
    StopSignals stopSignals = StopSignals.install();
    DevHdfs hdfs = DevHdfs.start(port, data);
    String uri = hdfs.uri().toString();
    environment
        .err()
        .println(
            "metasync dev-hdfs: HDFS is up at "
                + uri
                + " (files in "
                + data.toAbsolutePath().normalize()
                + (hdfs.formatted() ? ", formatted now" : ", kept from the last run")
                + "); Ctrl-C to stop");
    environment.err().println("  make a folder:  bin/metasync hadoop-fs -mkdir -p " + uri + "data");
    environment.err().println("  mount it:       bin/metasync fs mount /hdfs " + uri + "data");
    int exitCode = stopSignals.await();
    environment.err().println("metasync dev-hdfs: stopping");
    hdfs.close();
    environment.err().println("metasync dev-hdfs: stopped");
    return exitCode;
  }
}
