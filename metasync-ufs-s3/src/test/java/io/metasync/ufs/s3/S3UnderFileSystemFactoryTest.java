package io.metasync.ufs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemLoader;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Opening s3:// mounts: the scheme, the options, and the errors of a bad bucket or bad keys. */
class S3UnderFileSystemFactoryTest {
  private static S3ProxyFixture s3;

  @BeforeAll
  static void startServer() throws IOException {
    s3 = S3ProxyFixture.start();
  }

  @AfterAll
  static void stopServer() {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void theS3SchemeIsFoundByTheLoader() throws IOException {
    try (UnderFileSystem ufs =
        new UnderFileSystemLoader().open(URI.create("s3://test/loaded"), s3.options())) {
      assertThat(ufs).isInstanceOf(S3UnderFileSystem.class);
      assertThat(ufs.getStatus("/").orElseThrow().isDirectory()).isTrue();
    }
  }

  @Test
  void aMissingBucketIsOneLineNamingIt() {
    assertThatThrownBy(() -> s3.open(URI.create("s3://no-such-bucket/x"), s3.options()))
        .isInstanceOfSatisfying(
            MetasyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining("the bucket 'no-such-bucket' does not exist")
        .hasMessageNotContaining("\n");
  }

  @Test
  void wrongKeysAreAccessDeniedAndTheMessageHoldsNoSecret() {
    Map<String, String> options = new HashMap<>(s3.options());
    options.put(S3MountOptions.SECRET_KEY, "wrong-secret-value");

    assertThatThrownBy(() -> s3.open(s3.freshRoot(), options))
        .isInstanceOfSatisfying(
            MetasyncException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("s3.secret.key")
        .hasMessageNotContaining("wrong-secret-value");
  }

  @Test
  void anErrorOfS3IsNeverTakenForAbsence() throws IOException {
    URI root = URI.create("s3://doomed/x");
    s3.server().createBucket("doomed");
    try (UnderFileSystem ufs = s3.open(root, s3.options());
        S3Client client = s3.server().newClient()) {
      client.deleteBucket(b -> b.bucket("doomed"));

      assertThatThrownBy(() -> ufs.getStatus("/missing"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("bucket does not exist");
      assertThatThrownBy(() -> ufs.list("/")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aStoppedServerIsAFailureNamingTheEndpointOption() throws IOException {
    Map<String, String> options = new HashMap<>(s3.options());
    options.put(S3MountOptions.ENDPOINT, "http://127.0.0.1:1");

    assertThatThrownBy(() -> s3.open(s3.freshRoot(), options))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot reach S3")
        .hasMessageContaining("s3.endpoint");
  }

  @Test
  void unknownAndBadOptionsAreRefusedByName() {
    assertThatThrownBy(() -> S3MountOptions.parse(Map.of("s3.endpont", "http://x")))
        .isInstanceOf(MetasyncException.class)
        .hasMessageContaining("'s3.endpont'");
    assertThatThrownBy(() -> S3MountOptions.parse(Map.of("s3.mode", "999")))
        .hasMessageContaining("s3.mode=999");
    assertThatThrownBy(() -> S3MountOptions.parse(Map.of("s3.access.key", "a")))
        .hasMessageContaining("s3.secret.key");
    assertThatThrownBy(() -> S3MountOptions.parse(Map.of("s3.multipart.size", "1000")))
        .hasMessageContaining("5 MiB");
    assertThatThrownBy(() -> S3MountOptions.parse(Map.of("s3.events.port", "9200")))
        .hasMessageContaining("s3.events.token");
    assertThatThrownBy(() -> S3MountOptions.parse(Map.of("s3.events.token", "x".repeat(20))))
        .hasMessageContaining("needs s3.events.port");
  }

  @Test
  void neitherKeyIsShownByTheUfsOrItsOptions() throws IOException {
    try (UnderFileSystem ufs = s3.open(s3.freshRoot(), s3.options())) {
      assertThat(ufs.toString())
          .contains("127.0.0.1")
          .doesNotContain(s3.server().secretKey())
          .doesNotContain(s3.server().accessKey());
    }
    Map<String, String> withEvents = new HashMap<>(s3.options());
    withEvents.put(S3MountOptions.EVENTS_PORT, "0");
    withEvents.put(S3MountOptions.EVENTS_TOKEN, "token-that-must-stay-hidden");
    assertThat(S3MountOptions.parse(withEvents).toString())
        .doesNotContain("token-that-must-stay-hidden")
        .doesNotContain(s3.server().secretKey());
  }

  @Test
  void aUriWithoutBucketIsRefused() {
    assertThatThrownBy(() -> s3.open(URI.create("s3:///x"), s3.options()))
        .isInstanceOf(MetasyncException.class)
        .hasMessageContaining("names no bucket");
  }
}
