package io.metasync.ufs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which S3 answers are absence, refusal or failure (invariant 2: no error is absence). */
class S3ErrorsTest {
  private static final String WHAT = "s3://b/k";

  @Test
  void accessDeniedIsAnAccessDeniedExceptionSayingWhatToCheck() {
    IOException error = S3Errors.translate(s3Error(403, "AccessDenied"), WHAT);

    assertThat(error).isInstanceOf(AccessDeniedException.class);
    assertThat(((AccessDeniedException) error).getFile()).isEqualTo(WHAT);
    assertThat(error.getMessage()).contains("HTTP 403 AccessDenied").contains("s3.access.key");
  }

  @Test
  void onlyAMissingKeyIsAbsence() {
    assertThat(S3Errors.translate(s3Error(404, "NoSuchKey"), WHAT))
        .isInstanceOf(FileNotFoundException.class);
    assertThat(S3Errors.translate(s3Error(404, "NoSuchBucket"), WHAT))
        .isNotInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("the bucket does not exist");
    assertThat(S3Errors.translate(s3Error(500, "InternalError"), WHAT))
        .isNotInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("HTTP 500 InternalError")
        .hasMessageContaining("retry later");
    assertThat(S3Errors.translate(s3Error(503, "SlowDown"), WHAT))
        .isNotInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("SlowDown");
  }

  @Test
  void anUnreachableServerNamesTheEndpointOption() {
    IOException error =
        S3Errors.translate(SdkClientException.create("Unable to execute HTTP request"), WHAT);

    assertThat(error).isNotInstanceOf(FileNotFoundException.class);
    assertThat(error.getMessage())
        .startsWith("cannot reach S3 for " + WHAT)
        .contains("s3.endpoint");
  }

  private static S3Exception s3Error(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode(code)
                    .errorMessage("message of " + code)
                    .build())
            .build();
  }
}
