package io.metasync.shell;

import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine;

/** The {@code metasync} command line: {@code bin/metasync} runs this. */
public final class Main {
  /** Logback's own setting: the configuration file to read instead of logback.xml in the jar. */
  static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

  /** The master's Logback configuration, in the install folder. */
  static final String MASTER_LOGGING = "conf/logback.xml";

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
    ShellEnvironment environment =
        new ShellEnvironment(
            scanned.definitions(),
            Path.of(System.getProperty("metasync.home", ".")),
            out,
            err,
            System.console() != null,
            ZoneId.systemDefault(),
            Clock.systemUTC());
    configureLogging(scanned, environment);
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
   * A master logs what it does to its log file; an fs command's output is for scripts and must not
   * be mixed with log lines, so the other commands log warnings to stderr only. Logback reads these
   * settings once, when the first logger is made, which is why they are set before anything else
   * runs. An explicit JVM setting wins.
   */
  static void configureLogging(ScannedArguments scanned, ShellEnvironment environment) {
    boolean master = scanned.command().filter("master"::equals).isPresent();
    setIfAbsent("metasync.log.level", master ? "INFO" : "WARN");
    if (scanned.command().filter("dev-hdfs"::equals).isPresent()) {
      // A MiniDFSCluster warns about test-only settings and logs its own stopping threads as
      // errors; a real problem still stops dev-hdfs with an Error line.
      setIfAbsent("metasync.log.hadoop.level", "OFF");
    }
    Path masterLogging = environment.home().resolve(MASTER_LOGGING);
    if (master && Files.isRegularFile(masterLogging)) {
      setIfAbsent(LOGBACK_CONFIGURATION, masterLogging.toString());
      setIfAbsent("metasync.log.dir", logFolder(environment).toString());
    }
  }

  /**
   * {@code metasync.master.log.dir}, under the install folder unless absolute; its default when the
   * configuration is bad (the master command reports that itself, as its first line).
   */
  private static Path logFolder(ShellEnvironment environment) {
    try {
      return environment.configuration().getPath(PropertyKey.MASTER_LOG_DIR);
    } catch (MetasyncException e) {
      return environment.home().resolve(PropertyKey.MASTER_LOG_DIR.defaultValue());
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
