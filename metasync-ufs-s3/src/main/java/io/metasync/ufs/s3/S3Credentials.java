package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

/** An access key and its secret key; {@link #toString()} shows neither. */
record S3Credentials(String accessKey, String secretKey) {
  S3Credentials {
    requireNonNull(accessKey, "accessKey is null");
    requireNonNull(secretKey, "secretKey is null");
  }

  @Override
  public String toString() {
    return "S3Credentials[not shown]";
  }
}
