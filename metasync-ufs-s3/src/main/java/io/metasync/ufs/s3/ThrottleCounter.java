package io.metasync.ufs.s3;

import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the attempts that S3 refused as too many (503 SlowDown, or 429 from some S3-compatible
 * servers). The SDK's retry strategy backs off and retries them, so they never reach metasync as
 * errors; without this count a throttled bucket would only look slow.
 */
final class ThrottleCounter implements ExecutionInterceptor {
  private static final int SLOW_DOWN = 503;
  private static final int TOO_MANY_REQUESTS = 429;

  private final LongAdder throttled = new LongAdder();

  /** Called by the SDK after each attempt's response arrived, retried attempts included. */
  @Override
  public void afterTransmission(
      Context.AfterTransmission context, ExecutionAttributes executionAttributes) {
    int status = context.httpResponse().statusCode();
    if (status == SLOW_DOWN || status == TOO_MANY_REQUESTS) {
      throttled.increment();
    }
  }

  long throttled() {
    return throttled.sum();
  }
}
