package io.metasync.ufs;

import java.net.URI;
import java.net.URISyntaxException;

/** Turns a relative UFS path into the path part of a URI, quoting what a URI cannot hold raw. */
final class UriPaths {
  private UriPaths() {}

  static String encode(String path) {
    try {
      return new URI(null, null, path, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot express " + path + " in a URI", e);
    }
  }
}
