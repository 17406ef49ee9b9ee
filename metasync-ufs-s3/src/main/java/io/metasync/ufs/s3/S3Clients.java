package io.metasync.ufs.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client of one mount from its options. */
final class S3Clients {
  /** The signing region where none is given: any region works for a single-region server. */
  static final Region DEFAULT_REGION = Region.US_EAST_1;

  private S3Clients() {}

  /**
   * A client for the mount: the given endpoint and region, or AWS with cross-region access (so a
   * bucket in any region works without naming it); the given keys or the SDK's default provider
   * chain; checksums only where S3 requires them, because SDK 2.30+ otherwise adds checksums that
   * S3-compatible servers refuse; and the SDK's standard retry strategy, which backs off and
   * retries throttling (503 SlowDown) and other transient errors.
   */
  static S3Client create(S3MountOptions options) {
    return create(options, new ThrottleCounter());
  }

  /** As {@link #create(S3MountOptions)}, counting throttled attempts in {@code throttles}. */
  static S3Client create(S3MountOptions options, ThrottleCounter throttles) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(Apache5HttpClient.builder().maxConnections(64))
            .credentialsProvider(credentials(options))
            .forcePathStyle(options.server().pathStyleAccess())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(
                o -> o.retryStrategy(RetryMode.STANDARD).addExecutionInterceptor(throttles));
    options.server().endpoint().ifPresent(builder::endpointOverride);
    if (options.server().region().isPresent()) {
      builder.region(Region.of(options.server().region().get()));
    } else {
      builder.region(DEFAULT_REGION);
      if (options.server().endpoint().isEmpty()) {
        builder.crossRegionAccessEnabled(true);
      }
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(S3MountOptions options) {
    return options
        .credentials()
        .<AwsCredentialsProvider>map(
            keys ->
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(keys.accessKey(), keys.secretKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }
}
