package io.metasync.shell;

import io.metasync.common.CauseChain;
import io.metasync.common.MetasyncException;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where a failure becomes what the user sees: a single line on stderr starting with
 * {@code Error:} and an exit code. The stack trace follows only with {@code
 * -Dmetasync.user.debug=true}.
 */
final class ErrorReporter {
  /** A command that failed: the master, the configuration or a local file said no. */
  static final int FAILURE = 1;

  /** The command line itself is wrong. */
  static final int USAGE = 2;

  private final ShellEnvironment environment;

  ErrorReporter(ShellEnvironment environment) {
    this.environment = environment;
  }

  /** For picocli's execution exception handler. */
  int failure(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
    return failure(e);
  }

  int failure(Throwable e) {
    String message =
        e instanceof MetasyncException
            ? e.getMessage()
            : CauseChain.describe(e)
                + " (an unexpected error; -Dmetasync.user.debug=true shows where it happened)";
    print(message, e);
    return FAILURE;
  }

  /**
   * For picocli's parameter exception handler: the problem and the command's synopsis on one line,
   * so that a script sees one {@code Error:} line whatever went wrong.
   */
  int usageError(ParameterException e, String[] args) {
    StringBuilder message = new StringBuilder(e.getMessage());
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        message.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
      }
    }
    String synopsis =
        new Help(e.getCommandLine().getCommandSpec(), Help.defaultColorScheme(Help.Ansi.OFF))
            .synopsis(0);
    message.append("; usage: ").append(synopsis);
    print(message.toString(), e);
    return USAGE;
  }

  private void print(String message, Throwable e) {
    PrintStream err = environment.err();
    // what a command printed before it failed comes first
    environment.out().flush();
    err.println("Error: " + oneLine(message));
    if (environment.debug()) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
