package io.metasync.master.mount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the web page and {@code mountTable} show of a mount's options. */
class MountOptionsTest {
  @Test
  void secretsAreHiddenAndOtherOptionsShownInKeyOrder() {
    MountOptions options =
        new MountOptions(
            false,
            false,
            Map.of(
                "s3.secret.key", "very-secret",
                "s3.access.key", "AKIAEXAMPLE",
                "s3.endpoint", "http://127.0.0.1:9000",
                "dfs.client.retry.policy.enabled", "false",
                "hadoop.security.credential.provider.path", "jceks://file/x"));

    assertThat(options.displayedProperties())
        .containsExactly(
            Map.entry("dfs.client.retry.policy.enabled", "false"),
            Map.entry("hadoop.security.credential.provider.path", "(hidden)"),
            Map.entry("s3.access.key", "(hidden)"),
            Map.entry("s3.endpoint", "http://127.0.0.1:9000"),
            Map.entry("s3.secret.key", "(hidden)"));
    assertThat(options.properties()).containsEntry("s3.secret.key", "very-secret");
  }
}
