package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.metasync.common.PropertyKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The shipped conf/metasync-site.properties documents every key with its real default. */
class SiteFileTemplateTest {
  private static final Path TEMPLATE = Path.of("..", ShellEnvironment.SITE_FILE);

  @Test
  void everyKeyIsShownCommentedOutWithItsDefault() throws IOException {
    String template = Files.readString(TEMPLATE);

    Arrays.stream(PropertyKey.values())
        .filter(key -> key != PropertyKey.HOME) // set by bin/metasync, not by this file
        .forEach(
            key ->
                assertThat(template)
                    .as("conf/metasync-site.properties shows %s", key.key())
                    .contains("\n#" + key.key() + "=" + key.defaultValue() + "\n"));
  }

  @Test
  void templateSetsNothing() throws IOException {
    assertThat(Files.readAllLines(TEMPLATE)).allSatisfy(line -> assertThat(line).matches("|#.*"));
  }
}
