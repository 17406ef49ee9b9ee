package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;
import static org.awaitility.Awaitility.await;

import io.metasync.ufs.ExternalUfsWriter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Changes a bucket as another S3 tool would, with its own SDK client: S3 has no append (a rewrite
 * with more bytes) and no chmod (tools such as s3fs keep a mode in the object's metadata, which
 * rewrites the object in place).
 */
final class S3ExternalWriter implements ExternalUfsWriter, AutoCloseable {
  private final S3Client client;
  private final String bucket;
  private final String rootPrefix;
  private final BiConsumer<String, String> notifications;

  S3ExternalWriter(S3Client client, String bucket, String rootPrefix) {
    this(client, bucket, rootPrefix, (eventName, key) -> {});
  }

  /**
   * @param notifications told each change as S3 would notify it: an event name ({@code
   *     ObjectCreated:Put}) and the key
   */
  S3ExternalWriter(
      S3Client client, String bucket, String rootPrefix, BiConsumer<String, String> notifications) {
    this.client = requireNonNull(client, "client is null");
    this.bucket = requireNonNull(bucket, "bucket is null");
    this.rootPrefix = requireNonNull(rootPrefix, "rootPrefix is null");
    this.notifications = requireNonNull(notifications, "notifications is null");
  }

  @Override
  public void createFile(String path, byte[] bytes) {
    client.putObject(b -> b.bucket(bucket).key(key(path)), RequestBody.fromBytes(bytes));
    notifications.accept("ObjectCreated:Put", key(path));
  }

  @Override
  public void createFolder(String path) {
    client.putObject(b -> b.bucket(bucket).key(key(path) + "/"), RequestBody.empty());
    notifications.accept("ObjectCreated:Put", key(path) + "/");
  }

  @Override
  public void append(String path, byte[] bytes) {
    byte[] old = client.getObjectAsBytes(b -> b.bucket(bucket).key(key(path))).asByteArray();
    byte[] longer = Arrays.copyOf(old, old.length + bytes.length);
    System.arraycopy(bytes, 0, longer, old.length, bytes.length);
    createFile(path, longer);
  }

  @Override
  public void delete(String path) {
    List<S3Object> inside = keysUnder(key(path) + "/");
    if (inside.isEmpty()) {
      client.deleteObject(b -> b.bucket(bucket).key(key(path)));
      notifications.accept("ObjectRemoved:Delete", key(path));
    }
    for (S3Object object : inside) {
      client.deleteObject(b -> b.bucket(bucket).key(object.key()));
      notifications.accept("ObjectRemoved:Delete", object.key());
    }
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    List<S3Object> inside = keysUnder(key(source) + "/");
    if (inside.isEmpty()) {
      copy(key(source), key(destination));
    }
    for (S3Object object : inside) {
      copy(object.key(), key(destination) + object.key().substring(key(source).length()));
    }
    delete(source);
  }

  /**
   * Rewrites the object in place with the mode in its metadata, in a later second than its last
   * write: S3's times have whole seconds, and the content (so the ETag) is the same.
   */
  @Override
  public void setMode(String path, int mode) {
    Instant written = client.headObject(b -> b.bucket(bucket).key(key(path))).lastModified();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Instant.now().getEpochSecond() > written.getEpochSecond());
    client.copyObject(
        b ->
            b.sourceBucket(bucket)
                .sourceKey(key(path))
                .destinationBucket(bucket)
                .destinationKey(key(path))
                .metadataDirective(MetadataDirective.REPLACE)
                .metadata(Map.of("mode", Integer.toOctalString(mode))));
    notifications.accept("ObjectCreated:Copy", key(path));
  }

  private void copy(String from, String to) {
    client.copyObject(
        b -> b.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to));
    notifications.accept("ObjectCreated:Copy", to);
  }

  private List<S3Object> keysUnder(String prefix) {
    return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .toList();
  }

  private String key(String path) {
    return rootPrefix + path.substring(1);
  }

  @Override
  public void close() {
    client.close();
  }
}
