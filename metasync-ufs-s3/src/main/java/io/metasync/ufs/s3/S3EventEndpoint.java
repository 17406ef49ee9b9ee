package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Where a mount's S3 event feed listens for event notifications (the JSON that S3 sends to
 * SQS/SNS/EventBridge and MinIO or Ceph send to webhooks), and how often it asks for a whole
 * re-sync to heal events that were lost. {@link #toString()} hides the token.
 *
 * @param port 0 for any free one
 * @param token the shared secret a sender gives as {@code Authorization: Bearer TOKEN}
 */
record S3EventEndpoint(String host, int port, String token, Duration reconcileInterval) {
  S3EventEndpoint {
    requireNonNull(host, "host is null");
    requireNonNull(token, "token is null");
    requireNonNull(reconcileInterval, "reconcileInterval is null");
  }

  @Override
  public String toString() {
    return "S3EventEndpoint[" + host + ":" + port + ", reconcile every " + reconcileInterval + "]";
  }
}
