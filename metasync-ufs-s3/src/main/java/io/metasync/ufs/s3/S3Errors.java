package io.metasync.ufs.s3;

import io.metasync.common.CauseChain;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the SDK's unchecked exceptions into the UFS contract's {@link IOException}s, each one line
 * naming the object, the cause and what to do. Only a 404 with NoSuchKey, where the caller says the
 * request was about one key, is absence; every other error (a missing bucket too) is a failure,
 * never read as absence. Throttling (503 SlowDown) never reaches here before the SDK's retry
 * strategy has backed off and retried it.
 */
final class S3Errors {
  private S3Errors() {}

  static IOException translate(SdkException error, String what) {
    if (error instanceof S3Exception s3) {
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      String detail = "HTTP " + s3.statusCode() + (code == null ? "" : " " + code) + message(s3);
      if (s3.statusCode() == 403) {
        return new AccessDeniedException(
            what,
            null,
            "S3 refused access ("
                + detail
                + "); check s3.access.key, s3.secret.key and the bucket's policy");
      }
      if ("NoSuchBucket".equals(code)) {
        return new IOException(what + ": the bucket does not exist (" + detail + ")", error);
      }
      if (s3.statusCode() == 404 && ("NoSuchKey".equals(code) || code == null)) {
        FileNotFoundException absent = new FileNotFoundException(what + " does not exist");
        absent.initCause(error);
        return absent;
      }
      return new IOException("S3 failed for " + what + ": " + detail + "; retry later", error);
    }
    if (error instanceof AbortedException) {
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while asking S3 about " + what);
      interrupted.initCause(error);
      return interrupted;
    }
    if (error instanceof SdkClientException) {
      return new IOException(
          "cannot reach S3 for "
              + what
              + ": "
              + CauseChain.describe(error)
              + "; check s3.endpoint and that the server runs",
          error);
    }
    return new IOException("S3 failed for " + what + ": " + CauseChain.describe(error), error);
  }

  private static String message(S3Exception s3) {
    String message = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorMessage();
    return message == null || message.isBlank() ? "" : ": " + message;
  }

  /** Whether S3 answered 404 (a HEAD has no body to tell NoSuchKey from NoSuchBucket). */
  static boolean isNotFound(SdkException error) {
    return error instanceof S3Exception s3 && s3.statusCode() == 404;
  }
}
