package io.metasync.master.mount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the web page and {@code mountTable} show of a mount's options. */
class MountOptionsTest {
  @Test
  void secretsAreHiddenAndSettingsThatOnlyMentionATokenAreShownInKeyOrder() {
    MountOptions options =
        new MountOptions(
            false,
            false,
            Map.of(
                "s3.secret.key", "very-secret",
                "s3.access.key", "AKIAEXAMPLE",
                "s3.events.token", "a-shared-token",
                "s3.endpoint", "http://127.0.0.1:9000",
                "ssl.client.truststore.password", "changeit",
                "fs.azure.account.key.acct.blob.core.windows.net", "base64key",
                "dfs.block.access.token.enable", "true"));

    assertThat(options.displayedProperties())
        .containsExactly(
            Map.entry("dfs.block.access.token.enable", "true"),
            Map.entry("fs.azure.account.key.acct.blob.core.windows.net", "(hidden)"),
            Map.entry("s3.access.key", "(hidden)"),
            Map.entry("s3.endpoint", "http://127.0.0.1:9000"),
            Map.entry("s3.events.token", "(hidden)"),
            Map.entry("s3.secret.key", "(hidden)"),
            Map.entry("ssl.client.truststore.password", "(hidden)"));
    assertThat(options.properties()).containsEntry("s3.secret.key", "very-secret");
  }
}
