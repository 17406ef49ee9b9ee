package io.metasync.shell;

import io.metasync.common.PropertyKey;
import io.metasync.master.security.UserTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code token USER}: prints the token that proves {@code USER} to a master in TOKEN
 * authentication. It reads the master's secret, so only whoever may read that file (the master's
 * user) can make tokens.
 */
@Command(
    name = "token",
    description = {
      "Print USER's token for TOKEN authentication, made from the master's secret",
      "(metasync.security.authentication.secret.file; created if missing). Keep it in the user's",
      "~/.metasync/token with mode 600: whoever reads it can act as that user."
    })
final class TokenCommand implements Callable<Integer> {
  @Parameters(paramLabel = "USER", description = "The user the token proves.")
  private String user;

  @ParentCommand private MetasyncCommand root;

  @Override
  public Integer call() {
    ShellEnvironment environment = root.environment();
    Path secret =
        environment.configuration().getPath(PropertyKey.SECURITY_AUTHENTICATION_SECRET_FILE);
    boolean created = !Files.exists(secret);
    environment.out().println(UserTokens.fromSecretFile(secret, true).tokenOf(user));
    if (created) {
      environment.err().println("metasync token: created the master's secret " + secret);
    }
    return 0;
  }
}
