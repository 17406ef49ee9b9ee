package io.metasync.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Main#run} in-process with captured output, in an install folder of its own and with
 * fixed definitions (such as the master's port) added to every command line.
 */
final class ShellRunner {
  private final List<String> definitions;

  ShellRunner(Path home, String... definitions) {
    this.definitions = new ArrayList<>(List.of(definitions));
    this.definitions.add("-Dmetasync.home=" + home);
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> arguments = new ArrayList<>(List.of(args));
    arguments.addAll(definitions);
    int exitCode;
    try (PrintStream outStream = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, false, StandardCharsets.UTF_8)) {
      exitCode = Main.run(arguments.toArray(String[]::new), outStream, errStream);
    }
    return new Result(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  /** What one command line did. */
  record Result(int exitCode, byte[] outBytes, String err) {
    String out() {
      return new String(outBytes, StandardCharsets.UTF_8);
    }

    List<String> outLines() {
      return out().lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out() + "--- stderr\n" + err;
    }
  }
}
