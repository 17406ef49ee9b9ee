package io.metasync.master.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Escaping, formatting and secret recognition of the operator pages. */
class HtmlTest {
  @Test
  void markupInPathsAndMessagesIsShownAsText() {
    assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    assertThat(Html.table("t", List.of("a<b"), List.of(List.of("</td><b>")), "none"))
        .contains("<th>a&lt;b</th>")
        .contains("data-label=\"a&lt;b\">&lt;/td&gt;&lt;b&gt;</td>")
        .doesNotContain("<b>");
  }

  @Test
  void jsonStringsCannotEndTheScriptOrTheString() {
    assertThat(Json.string("a\"b\\c\n</script>\u2028"))
        .isEqualTo("\"a\\\"b\\\\c\\n\\u003c/script\\u003e\\u2028\"");
  }

  @Test
  void durationsReadAsPeopleSayThem() {
    assertThat(Html.duration(850)).isEqualTo("850 ms");
    assertThat(Html.duration(12_400)).isEqualTo("12 s");
    assertThat(Html.duration(184_000)).isEqualTo("3 min 4 s");
    assertThat(Html.duration(7_500_000)).isEqualTo("2 h 5 min");
    assertThat(Html.duration(273_600_000)).isEqualTo("3 d 4 h");
    assertThat(Html.time(0, 1000)).isEqualTo("never");
    assertThat(Html.time(1000, 61_000)).isEqualTo("1970-01-01 00:00:01 UTC (1 min 0 s ago)");
  }

  @Test
  void keysNamingSecretsPasswordsTokensOrKeysAreMasked() {
    assertThat(ConfigurationPage.isSecret("metasync.security.authentication.secret.file")).isTrue();
    assertThat(ConfigurationPage.isSecret("metasync.user.token.file")).isTrue();
    assertThat(ConfigurationPage.isSecret("metasync.master.tls.key.file")).isTrue();
    assertThat(ConfigurationPage.isSecret("fs.s3a.access.key")).isTrue();
    assertThat(ConfigurationPage.isSecret("some.db.Password")).isTrue();
    assertThat(ConfigurationPage.isSecret("metasync.master.web.port")).isFalse();
    assertThat(ConfigurationPage.isSecret("metasync.master.keyspace.size")).isFalse();
  }
}
