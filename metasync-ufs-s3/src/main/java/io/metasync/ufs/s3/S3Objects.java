package io.metasync.ufs.s3;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 requests of one bucket that the UFS makes, each turning the SDK's errors into the UFS
 * contract's (see {@link S3Errors}) with the key's {@code s3://} URI in the message.
 */
final class S3Objects {
  /** DeleteObjects takes at most this many keys. */
  static final int MAX_DELETE_BATCH = 1000;

  private final S3Client client;
  private final String bucket;
  private final ThrottleCounter throttles;

  S3Objects(S3Client client, String bucket, ThrottleCounter throttles) {
    this.client = requireNonNull(client, "client is null");
    this.bucket = requireNonNull(bucket, "bucket is null");
    this.throttles = requireNonNull(throttles, "throttles is null");
  }

  /** Attempts S3 refused as too many (and the SDK retried), since the client was built. */
  long throttled() {
    return throttles.throttled();
  }

  String bucket() {
    return bucket;
  }

  String uriOf(String key) {
    return "s3://" + bucket + "/" + key;
  }

  /** The object {@code key}, or empty when S3 answers 404 (a later listing tells a lost bucket). */
  Optional<HeadObjectResponse> head(String key) throws IOException {
    try {
      return Optional.of(client.headObject(b -> b.bucket(bucket).key(key)));
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        return Optional.empty();
      }
      throw S3Errors.translate(e, uriOf(key));
    }
  }

  /** One page of keys under {@code prefix}, folders as common prefixes where {@code delimited}. */
  ListObjectsV2Response list(String prefix, boolean delimited, int maxKeys, String token)
      throws IOException {
    ListObjectsV2Request.Builder request =
        ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).maxKeys(maxKeys);
    if (delimited) {
      request.delimiter("/");
    }
    if (token != null) {
      request.continuationToken(token);
    }
    try {
      return client.listObjectsV2(request.build());
    } catch (SdkException e) {
      throw S3Errors.translate(e, uriOf(prefix));
    }
  }

  /** Whether any key starts with {@code prefix}. */
  boolean anyKeyUnder(String prefix) throws IOException {
    ListObjectsV2Response page = list(prefix, false, 1, null);
    return !page.contents().isEmpty();
  }

  /** The keys under {@code prefix}, up to {@code max}, without folders. */
  List<String> keysUnder(String prefix, int max) throws IOException {
    List<String> keys = new ArrayList<>();
    list(prefix, false, max, null).contents().forEach(object -> keys.add(object.key()));
    return keys;
  }

  void put(String key, byte[] bytes, int length) throws IOException {
    try {
      client.putObject(
          b -> b.bucket(bucket).key(key).contentLength((long) length),
          RequestBody.fromBytes(length == bytes.length ? bytes : Arrays.copyOf(bytes, length)));
    } catch (SdkException e) {
      throw S3Errors.translate(e, uriOf(key));
    }
  }

  InputStream get(String key, long offset) throws IOException {
    try {
      return client.getObject(
          b -> {
            b.bucket(bucket).key(key);
            if (offset > 0) {
              b.range("bytes=" + offset + "-");
            }
          });
    } catch (SdkException e) {
      if (e instanceof S3Exception s3 && s3.statusCode() == 416) {
        return InputStream.nullInputStream(); // the offset is at or past the end
      }
      throw S3Errors.translate(e, uriOf(key));
    }
  }

  void delete(String key) throws IOException {
    try {
      client.deleteObject(b -> b.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw S3Errors.translate(e, uriOf(key));
    }
  }

  /**
   * Deletes up to {@value #MAX_DELETE_BATCH} keys in one request.
   *
   * @throws IOException naming the first key that S3 did not delete, and why
   */
  void delete(List<String> keys) throws IOException {
    if (keys.isEmpty()) {
      return;
    }
    List<ObjectIdentifier> objects =
        keys.stream().map(key -> ObjectIdentifier.builder().key(key).build()).toList();
    DeleteObjectsResponse response;
    try {
      response =
          client.deleteObjects(
              b -> b.bucket(bucket).delete(Delete.builder().objects(objects).quiet(true).build()));
    } catch (SdkException e) {
      throw S3Errors.translate(e, uriOf(keys.get(0)));
    }
    if (!response.errors().isEmpty()) {
      S3Error error = response.errors().get(0);
      throw new IOException(
          "S3 did not delete "
              + uriOf(error.key())
              + " ("
              + error.code()
              + ": "
              + error.message()
              + ") nor "
              + (response.errors().size() - 1)
              + " other keys of the batch; retry the delete");
    }
  }

  /** Copies on the server: one request up to {@code partSize}, a multipart copy above it. */
  void copy(String source, String destination, long length, long partSize) throws IOException {
    try {
      if (length <= partSize) {
        client.copyObject(
            b ->
                b.sourceBucket(bucket)
                    .sourceKey(source)
                    .destinationBucket(bucket)
                    .destinationKey(destination));
        return;
      }
      String uploadId = startUpload(destination);
      try {
        List<CompletedPart> parts = new ArrayList<>();
        for (long start = 0; start < length; start += partSize) {
          int number = parts.size() + 1;
          String range = "bytes=" + start + "-" + (Math.min(start + partSize, length) - 1);
          String eTag =
              client
                  .uploadPartCopy(
                      b ->
                          b.sourceBucket(bucket)
                              .sourceKey(source)
                              .copySourceRange(range)
                              .destinationBucket(bucket)
                              .destinationKey(destination)
                              .uploadId(uploadId)
                              .partNumber(number))
                  .copyPartResult()
                  .eTag();
          parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
        }
        completeUpload(destination, uploadId, parts);
      } catch (SdkException | IOException e) {
        abortUpload(destination, uploadId, e);
        throw e;
      }
    } catch (SdkException e) {
      throw S3Errors.translate(e, uriOf(source) + " (copying to " + destination + ")");
    }
  }

  String startUpload(String key) throws IOException {
    try {
      return client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    } catch (SdkException e) {
      throw S3Errors.translate(e, uriOf(key));
    }
  }

  CompletedPart uploadPart(String key, String uploadId, int number, byte[] bytes, int length)
      throws IOException {
    try {
      String eTag =
          client
              .uploadPart(
                  b ->
                      b.bucket(bucket)
                          .key(key)
                          .uploadId(uploadId)
                          .partNumber(number)
                          .contentLength((long) length),
                  RequestBody.fromBytes(Arrays.copyOf(bytes, length)))
              .eTag();
      return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    } catch (SdkException e) {
      throw S3Errors.translate(e, uriOf(key) + " (part " + number + ")");
    }
  }

  void completeUpload(String key, String uploadId, List<CompletedPart> parts) throws IOException {
    try {
      client.completeMultipartUpload(
          b ->
              b.bucket(bucket)
                  .key(key)
                  .uploadId(uploadId)
                  .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    } catch (SdkException e) {
      throw S3Errors.translate(e, uriOf(key));
    }
  }

  /** Aborts an upload after {@code failure}; a failing abort is added to it, not thrown. */
  void abortUpload(String key, String uploadId, Exception failure) {
    try {
      client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      failure.addSuppressed(e);
    }
  }
}
