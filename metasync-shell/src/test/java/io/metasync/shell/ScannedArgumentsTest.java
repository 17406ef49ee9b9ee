package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScannedArgumentsTest {
  @Test
  void definitionsArePulledOutWhereverTheyAppear() {
    ScannedArguments scanned =
        ScannedArguments.scan("-Da.b=1", "fs", "-Dc=2", "ls", "-R", "/x", "-Dd=3");

    assertThat(scanned.definitions())
        .containsExactlyInAnyOrderEntriesOf(Map.of("a.b", "1", "c", "2", "d", "3"));
    assertThat(scanned.arguments()).containsExactly("fs", "ls", "-R", "/x");
  }

  @Test
  void valueMayContainEqualsSignsOrBeEmpty() {
    ScannedArguments scanned = ScannedArguments.scan("-Dk=a=b", "-Dempty=");

    assertThat(scanned.definitions()).containsEntry("k", "a=b").containsEntry("empty", "");
  }

  @Test
  void laterDefinitionOfAKeyWins() {
    assertThat(ScannedArguments.scan("-Dk=1", "-Dk=2").definitions()).containsEntry("k", "2");
  }

  @Test
  void nothingAfterDoubleDashIsADefinition() {
    ScannedArguments scanned = ScannedArguments.scan("fs", "copyFromLocal", "--", "-Dx=y", "/x");

    assertThat(scanned.definitions()).isEmpty();
    assertThat(scanned.arguments()).containsExactly("fs", "copyFromLocal", "--", "-Dx=y", "/x");
  }

  @Test
  void definitionWithoutValueIsLeftForPicocliToRefuse() {
    ScannedArguments scanned = ScannedArguments.scan("fs", "-Dkey");

    assertThat(scanned.definitions()).isEmpty();
    assertThat(scanned.arguments()).containsExactly("fs", "-Dkey");
  }

  @Test
  void commandIsTheFirstArgumentThatIsNotAnOption() {
    assertThat(ScannedArguments.scan("-Dk=v", "-h", "master").command()).contains("master");
    assertThat(ScannedArguments.scan("-Dk=v").command()).isEmpty();
  }
}
