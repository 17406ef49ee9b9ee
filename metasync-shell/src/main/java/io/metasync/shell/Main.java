package io.metasync.shell;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine;

/** The {@code metasync} command line: {@code bin/metasync} runs this. */
public final class Main {
  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
  private static final String RATIS_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.apache.ratis";

  private Main() {}

  public static void main(String[] args) {
    // buffered: a long listing is written in large blocks; run() flushes it
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /**
   * Runs one command line and returns its exit code: 0 on success, {@link ErrorReporter#FAILURE}
   * when the command failed, {@link ErrorReporter#USAGE} when the command line is wrong. Never
   * exits the JVM, so tests call it in-process.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    ScannedArguments scanned = ScannedArguments.scan(args);
    setLogLevel(scanned);
    ShellEnvironment environment =
        new ShellEnvironment(
            scanned.definitions(),
            Path.of(System.getProperty("metasync.home", ".")),
            out,
            err,
            System.console() != null,
            ZoneId.systemDefault(),
            Clock.systemUTC());
    try {
      return execute(environment, scanned);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static int execute(ShellEnvironment environment, ScannedArguments scanned) {
    ErrorReporter errors = new ErrorReporter(environment);
    List<String> arguments = scanned.arguments();
    if (!arguments.isEmpty() && arguments.get(0).equals(HadoopFsCommand.NAME)) {
      try {
        return HadoopFsCommand.run(environment, arguments.subList(1, arguments.size()));
      } catch (Exception e) {
        return errors.failure(e);
      }
    }
    CommandLine commandLine =
        new CommandLine(new MetasyncCommand(environment))
            .setOut(new PrintWriter(environment.out(), true, StandardCharsets.UTF_8))
            .setErr(new PrintWriter(environment.err(), true, StandardCharsets.UTF_8))
            .setParameterExceptionHandler(errors::usageError)
            .setExecutionExceptionHandler(errors::failure);
    try {
      return commandLine.execute(scanned.arguments().toArray(String[]::new));
    } catch (RuntimeException e) {
      // picocli hands its own failures (e.g. in a converter it did not expect to fail) here
      return errors.failure(e);
    }
  }

  /**
   * A master logs what it does; an fs command's output is for scripts and must not be mixed with
   * log lines. slf4j-simple reads this once, when the first logger is made, which is why it is set
   * before anything else runs. An explicit JVM setting wins.
   */
  private static void setLogLevel(ScannedArguments scanned) {
    if (System.getProperty(LOG_LEVEL) == null) {
      boolean master = scanned.command().filter("master"::equals).isPresent();
      System.setProperty(LOG_LEVEL, master ? "info" : "warn");
    }
    // Ratis narrates every election and log segment at INFO; an operator needs only its warnings.
    System.setProperty(RATIS_LOG_LEVEL, System.getProperty(RATIS_LOG_LEVEL, "warn"));
    // Hadoop warns on every start that it has no native library (it needs none here)
    quiet("org.apache.hadoop.util.NativeCodeLoader", "error");
    if (scanned.command().filter("dev-hdfs"::equals).isPresent()) {
      // A MiniDFSCluster warns about test-only settings and logs its own stopping threads as
      // errors; a real problem still stops dev-hdfs with an Error line.
      quiet("org.apache.hadoop", "off");
    }
  }

  private static void quiet(String logger, String level) {
    String key = "org.slf4j.simpleLogger.log." + logger;
    if (System.getProperty(key) == null) {
      System.setProperty(key, level);
    }
  }
}
