package io.metasync.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The pauses between rounds of attempts of one call: 50 ms doubling to at most 1 s, each drawn at
 * random between half and all of that, so the clients of a master that just died do not all knock
 * on the new leader in the same millisecond.
 */
final class Backoff {
  static final Duration FIRST = Duration.ofMillis(50);
  static final Duration MAX = Duration.ofSeconds(1);

  private final RandomGenerator random;
  private Duration ceiling = FIRST;

  Backoff(RandomGenerator random) {
    this.random = random;
  }

  Duration next() {
    long ceilingNanos = ceiling.toNanos();
    ceiling = ceiling.multipliedBy(2).compareTo(MAX) > 0 ? MAX : ceiling.multipliedBy(2);
    long half = ceilingNanos / 2;
    return Duration.ofNanos(half + random.nextLong(half + 1));
  }
}
