package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * The template of every {@code fs} command: connect a client as the configuration says, run {@link
 * #execute}, close the client. A failure propagates as an exception to the {@link ErrorReporter};
 * success exits 0.
 */
abstract class FsHandler implements Callable<Integer> {
  @ParentCommand private FsCommand fs;

  @Override
  public final Integer call() throws IOException {
    try (MetasyncClient client = MetasyncClient.connect(environment().configuration())) {
      execute(client);
    }
    environment().out().flush();
    return 0;
  }

  /**
   * Does the command's work.
   *
   * @throws io.metasync.common.MetasyncException when the master or a local file refuses
   */
  abstract void execute(MetasyncClient client) throws IOException;

  final ShellEnvironment environment() {
    return fs.environment();
  }

  final PrintStream out() {
    return environment().out();
  }

  final StatusFormat statusFormat() {
    return new StatusFormat(environment().zone());
  }
}
