package io.metasync.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * The baselines of the {@code s3} scenario: a prefix walked with the SDK's paged ListObjectsV2
 * (1,000 keys a page), folder by folder with the delimiter {@code /} as metasync (and Hadoop's
 * partition discovery) lists, or flat, every key under the prefix in one paged listing.
 */
final class S3Walks {
  private S3Walks() {}

  /** Objects found walking {@code prefix} folder by folder (one listing per folder, paged). */
  static long delimiterWalk(S3Client client, String bucket, String prefix) {
    long objects = 0;
    Deque<String> folders = new ArrayDeque<>();
    folders.push(prefix.endsWith("/") ? prefix : prefix + "/");
    while (!folders.isEmpty()) {
      String folder = folders.pop();
      String token = null;
      do {
        String continuation = token;
        ListObjectsV2Response page =
            client.listObjectsV2(
                b ->
                    b.bucket(bucket).prefix(folder).delimiter("/").continuationToken(continuation));
        objects += page.contents().stream().filter(o -> !o.key().endsWith("/")).count();
        for (CommonPrefix child : page.commonPrefixes()) {
          folders.push(child.prefix());
        }
        token = page.nextContinuationToken();
      } while (token != null);
    }
    return objects;
  }

  /** Objects found listing every key under {@code prefix}, with no delimiter. */
  static long flatWalk(S3Client client, String bucket, String prefix) {
    long objects = 0;
    String token = null;
    do {
      String continuation = token;
      ListObjectsV2Response page =
          client.listObjectsV2(
              b -> b.bucket(bucket).prefix(prefix + "/").continuationToken(continuation));
      objects += page.contents().stream().filter(o -> !o.key().endsWith("/")).count();
      token = page.nextContinuationToken();
    } while (token != null);
    return objects;
  }
}
