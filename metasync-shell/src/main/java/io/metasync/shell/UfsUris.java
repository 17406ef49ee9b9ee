package io.metasync.shell;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Lets users name a local folder as a plain path where a UFS URI is expected. */
final class UfsUris {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/");

  private UfsUris() {}

  /**
   * {@code text} itself when it is a URI such as {@code hdfs://nn:8020/x}; otherwise the {@code
   * file://} URI of that path, resolved against {@code base} when relative.
   */
  static String toUri(String text, Path base) {
    if (SCHEME.matcher(text).find()) {
      return text;
    }
    String uri = base.resolve(text).toAbsolutePath().normalize().toUri().toString();
    // Path.toUri ends an existing folder with '/', a missing one not; a mount needs one form
    return uri.endsWith("/") && !uri.equals("file:///") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
