package io.metasync.ufs.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncException;
import io.metasync.ufs.UfsRefusedException;
import java.net.URI;

/**
 * Where a mount's paths live in S3: a bucket and a key prefix ({@code ""} for the whole bucket,
 * else ending in {@code /}). The path {@code /a/b} is the object {@code prefix + "a/b"}, and the
 * folder {@code /a} is every key starting {@code prefix + "a/"}.
 */
record S3Location(String bucket, String rootPrefix) {
  /** S3's limit on a key, in UTF-8 bytes. */
  static final int MAX_KEY_BYTES = 1024;

  /**
   * metasync's limit on one name, in UTF-8 bytes: S3 has none, but an entry with a longer name
   * could not be copied to HDFS or a POSIX folder, whose limit this is.
   */
  static final int MAX_NAME_BYTES = 255;

  S3Location {
    requireNonNull(bucket, "bucket is null");
    requireNonNull(rootPrefix, "rootPrefix is null");
  }

  /**
   * @throws MetasyncException INVALID_ARGUMENT when the URI names no bucket
   */
  static S3Location of(URI rootUri) {
    String bucket = rootUri.getHost() != null ? rootUri.getHost() : rootUri.getAuthority();
    if (bucket == null || bucket.isEmpty()) {
      throw MetasyncException.invalidArgument(
          "'" + rootUri + "' names no bucket (use s3://bucket or s3://bucket/prefix)");
    }
    String path = rootUri.getPath() == null ? "" : rootUri.getPath();
    String prefix = path.replaceAll("^/+", "").replaceAll("/+$", "");
    return new S3Location(bucket, prefix.isEmpty() ? "" : prefix + "/");
  }

  /** The object key of a file at {@code path}; the root has none. */
  String keyOf(String path) {
    return rootPrefix + path.substring(1);
  }

  /** The prefix of everything inside the folder {@code path}, which is also its marker's key. */
  String folderPrefixOf(String path) {
    return path.equals("/") ? rootPrefix : rootPrefix + path.substring(1) + "/";
  }

  /** The path of {@code key}, which starts with the root prefix. */
  String pathOf(String key) {
    String relative = key.substring(rootPrefix.length());
    return "/" + (relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative);
  }

  /**
   * @throws UfsRefusedException NAME_TOO_LONG when the key of {@code path} (as a folder's marker,
   *     its longest form) is longer than S3 takes
   */
  void checkKeyLength(String path) throws UfsRefusedException {
    int bytes = folderPrefixOf(path).getBytes(UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      throw new UfsRefusedException(
          UfsRefusedException.Reason.NAME_TOO_LONG,
          "its S3 key would be " + bytes + " bytes, and S3 takes at most " + MAX_KEY_BYTES);
    }
  }

  /**
   * @throws UfsRefusedException NAME_TOO_LONG when the last name of {@code path}, or its key, is
   *     too long
   */
  void checkNewEntry(String path) throws UfsRefusedException {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int bytes = name.getBytes(UTF_8).length;
    if (bytes > MAX_NAME_BYTES) {
      throw new UfsRefusedException(
          UfsRefusedException.Reason.NAME_TOO_LONG,
          "a name of "
              + bytes
              + " bytes is longer than the "
              + MAX_NAME_BYTES
              + " that an s3:// mount takes (so that it can be copied to HDFS or a folder)");
    }
    checkKeyLength(path);
  }

  static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash == 0 ? "/" : path.substring(0, slash);
  }

  static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
