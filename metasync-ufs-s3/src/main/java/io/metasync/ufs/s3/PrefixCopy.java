package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Copies every key under one prefix to the same name under another, on the server, a page of keys
 * at a time with the copies of a page running in parallel on the UFS's copy threads: the first half
 * of a folder rename, which S3 cannot do in one step. Memory: one page of keys.
 */
final class PrefixCopy {
  private static final int PAGE = 1000;

  private final S3Objects objects;
  private final ExecutorService copyThreads;
  private final long partSize;

  PrefixCopy(S3Objects objects, ExecutorService copyThreads, long partSize) {
    this.objects = requireNonNull(objects, "objects is null");
    this.copyThreads = requireNonNull(copyThreads, "copyThreads is null");
    this.partSize = partSize;
  }

  /**
   * @throws IOException the first copy's failure; copies already made stay
   */
  void copy(String sourcePrefix, String destinationPrefix) throws IOException {
    String token = null;
    do {
      ListObjectsV2Response page = objects.list(sourcePrefix, false, PAGE, token);
      List<Future<Void>> copies = new ArrayList<>();
      for (S3Object object : page.contents()) {
        String destination = destinationPrefix + object.key().substring(sourcePrefix.length());
        copies.add(
            copyThreads.submit(
                () -> {
                  objects.copy(object.key(), destination, object.size(), partSize);
                  return null;
                }));
      }
      awaitAll(copies);
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
  }

  private static void awaitAll(List<Future<Void>> copies) throws IOException {
    IOException failure = null;
    for (Future<Void> copy : copies) {
      try {
        copy.get();
      } catch (InterruptedException e) {
        copies.forEach(pending -> pending.cancel(true));
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while copying a folder in S3");
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof IOException io
                  ? io
                  : new IOException(e.getCause().toString(), e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
