package io.metasync.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code metasync} command line in a JVM of its own, as a user runs it: what matters after the
 * JVM exited (its shutdown hooks, files it deleted on exit) is seen by the test.
 */
final class ShellJvm {
  private ShellJvm() {}

  /** Runs the command line to its end (two minutes at most) with its output in {@code scratch}. */
  static ShellRunner.Result run(Path scratch, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(scratch, "shell-", ".out");
    Path err = Files.createTempFile(scratch, "shell-", ".err");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError(command + " did not exit in 2 minutes:\n" + Files.readString(err));
    }
    return new ShellRunner.Result(
        process.exitValue(), Files.readAllBytes(out), Files.readString(err));
  }
}
