package io.metasync.master.metrics;

import static java.util.Objects.requireNonNull;

import io.metasync.common.Ticker;
import io.metasync.ufs.UnderFileSystem;
import java.net.URI;
import java.net.URISyntaxException;

/** The UFS metrics' families, shared by every {@link MeteredUnderFileSystem}. */
public final class UfsCallMetrics {
  private final Counter calls;
  private final Counter errors;
  private final Histogram durations;
  private final Ticker ticker;

  public UfsCallMetrics(MetricRegistry registry, Ticker ticker) {
    this.ticker = requireNonNull(ticker, "ticker is null");
    calls =
        registry.counter(
            "metasync_ufs_calls_total",
            "UFS calls made, by UFS and operation.",
            "ufs",
            "operation");
    errors =
        registry.counter(
            "metasync_ufs_errors_total",
            "UFS calls that failed with an I/O or runtime error, by UFS and operation.",
            "ufs",
            "operation");
    durations =
        registry.histogram(
            "metasync_ufs_call_duration_seconds",
            "Time a UFS call took, by UFS and operation (a listing: until its first page).",
            "ufs",
            "operation");
  }

  /** Wraps {@code ufs} so that its calls count under its root URI (without any user info). */
  public UnderFileSystem meter(UnderFileSystem ufs) {
    return new MeteredUnderFileSystem(ufs, this, label(ufs.rootUri()));
  }

  /** Calls so far to the UFS rooted at {@code rootUri}, over every operation. */
  public UfsCallCount count(URI rootUri) {
    String ufs = label(rootUri);
    return new UfsCallCount(calls.sumWhere(0, ufs), errors.sumWhere(0, ufs));
  }

  /** Calls made to one UFS and how many of them failed. */
  public record UfsCallCount(long calls, long errors) {}

  /** The {@code ufs} label of a UFS: its root URI without user info. */
  static String label(URI uri) {
    if (uri.getUserInfo() == null) {
      return uri.toString();
    }
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      return uri.getScheme() + "://" + uri.getHost();
    }
  }

  long start() {
    return ticker.nanos();
  }

  void record(String ufs, String operation, long startNanos, boolean failed) {
    calls.labels(ufs, operation).increment();
    durations.labels(ufs, operation).observeNanos(ticker.nanos() - startNanos);
    if (failed) {
      errors.labels(ufs, operation).increment();
    }
  }
}
