package io.metasync.ufs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.http.SdkHttpResponse;

/** Which responses count as throttled. */
class ThrottleCounterTest {
  @Test
  void countsSlowDownAndTooManyRequestsOnly() {
    ThrottleCounter counter = new ThrottleCounter();
    for (int status : new int[] {200, 503, 404, 429, 500, 503}) {
      counter.afterTransmission(response(status), new ExecutionAttributes());
    }
    assertThat(counter.throttled()).isEqualTo(3);
  }

  private static Context.AfterTransmission response(int status) {
    SdkHttpResponse response = SdkHttpResponse.builder().statusCode(status).build();
    return new Context.AfterTransmission() {
      @Override
      public SdkHttpResponse httpResponse() {
        return response;
      }

      @Override
      public java.util.Optional<org.reactivestreams.Publisher<java.nio.ByteBuffer>>
          responsePublisher() {
        return java.util.Optional.empty();
      }

      @Override
      public java.util.Optional<java.io.InputStream> responseBody() {
        return java.util.Optional.empty();
      }

      @Override
      public software.amazon.awssdk.http.SdkHttpRequest httpRequest() {
        return null;
      }

      @Override
      public java.util.Optional<software.amazon.awssdk.core.sync.RequestBody> requestBody() {
        return java.util.Optional.empty();
      }

      @Override
      public java.util.Optional<software.amazon.awssdk.core.async.AsyncRequestBody>
          asyncRequestBody() {
        return java.util.Optional.empty();
      }

      @Override
      public software.amazon.awssdk.core.SdkRequest request() {
        return null;
      }
    };
  }
}
