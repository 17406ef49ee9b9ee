package io.metasync.master.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's groups of a user from {@code id -Gn -- USER}, as Hadoop's shell-based group mapping
 * does: it sees local users and whatever NSS (LDAP, SSSD) the host is configured with. A user the
 * host does not know has no groups; a lookup that fails is logged and gives none, so a failure
 * never grants anything.
 */
public final class ShellGroupLookup implements GroupLookup {
  private static final Logger LOG = LoggerFactory.getLogger(ShellGroupLookup.class);
  private static final long TIMEOUT_SECONDS = 5;

  @Override
  public List<String> groups(String user) {
    if (user.isEmpty() || user.startsWith("-")) {
      return List.of();
    }
    Process process;
    try {
      process = new ProcessBuilder("id", "-Gn", "--", user).redirectErrorStream(false).start();
    } catch (IOException e) {
      LOG.warn("Cannot look up the groups of user {}: {}", user, e.getMessage());
      return List.of();
    }
    try (InputStream out = process.getInputStream()) {
      process.getErrorStream().close();
      String text = new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        LOG.warn("Looking up the groups of user {} took over {} s", user, TIMEOUT_SECONDS);
        return List.of();
      }
      if (process.exitValue() != 0 || text.isEmpty()) {
        return List.of(); // no such user on this host
      }
      return Arrays.asList(text.split("\\s+"));
    } catch (IOException e) {
      LOG.warn("Cannot look up the groups of user {}: {}", user, e.getMessage());
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return List.of();
    }
  }
}
