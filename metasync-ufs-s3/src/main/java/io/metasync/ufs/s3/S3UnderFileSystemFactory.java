package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Opens {@code s3://bucket/prefix} URIs as under file systems, with the mount's {@code s3.*}
 * options (see {@link S3MountOptions}); the bucket must exist.
 */
public final class S3UnderFileSystemFactory implements UnderFileSystemFactory {
  private static final AtomicInteger MOUNTS = new AtomicInteger();

  @Override
  public String scheme() {
    return "s3";
  }

  /**
   * Asks S3 for the bucket first, so a mount of a missing bucket or with wrong keys fails at once.
   *
   * @throws MetasyncException NOT_FOUND naming the bucket when it does not exist; PERMISSION_DENIED
   *     when S3 refuses the credentials (saying S3's error code and what to check);
   *     INVALID_ARGUMENT when the URI names no bucket or an option is bad
   * @throws IOException when S3 cannot be reached
   */
  @Override
  public UnderFileSystem create(URI rootUri, Map<String, String> properties) throws IOException {
    requireNonNull(rootUri, "rootUri is null");
    requireNonNull(properties, "properties is null");
    S3Location location = S3Location.of(rootUri);
    S3MountOptions options = S3MountOptions.parse(properties);
    ThrottleCounter throttles = new ThrottleCounter();
    S3Client client = S3Clients.create(options, throttles);
    try {
      checkBucket(client, location.bucket(), rootUri, options);
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
    return new S3UnderFileSystem(
        rootUri,
        location,
        new S3Objects(client, location.bucket(), throttles),
        options,
        copyThreads(options.transfers().copyThreads()),
        client);
  }

  private static void checkBucket(
      S3Client client, String bucket, URI rootUri, S3MountOptions options) throws IOException {
    try {
      client.headBucket(b -> b.bucket(bucket));
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        throw new MetasyncException(
            ErrorCode.NOT_FOUND,
            "cannot mount "
                + rootUri
                + ": the bucket '"
                + bucket
                + "' does not exist at "
                + options.server().endpoint().map(URI::toString).orElse("AWS")
                + "; create it first, or check the name and s3.endpoint",
            e);
      }
      IOException error = S3Errors.translate(e, "s3://" + bucket);
      if (error instanceof AccessDeniedException denied) {
        // the master would say only "permission denied": keep S3's code and what to check
        throw new MetasyncException(
            ErrorCode.PERMISSION_DENIED, "cannot mount " + rootUri + ": " + denied.getReason(), e);
      }
      throw error;
    }
  }

  private static ExecutorService copyThreads(int threads) {
    int mount = MOUNTS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread thread = new Thread(task, "s3-copy-" + mount + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
