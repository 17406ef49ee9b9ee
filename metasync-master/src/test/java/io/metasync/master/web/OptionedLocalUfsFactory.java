package io.metasync.master.web;

import io.metasync.ufs.ForwardingUnderFileSystem;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemFactory;
import io.metasync.ufs.local.LocalUnderFileSystemFactory;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Scheme {@code optionedfile}: a local folder that accepts any mount option and ignores it, so that
 * a test can mount with a secret option (the local UFS refuses every option, and the UFSs that take
 * options need a server).
 */
public final class OptionedLocalUfsFactory implements UnderFileSystemFactory {
  public static final String SCHEME = "optionedfile";

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public UnderFileSystem create(URI rootUri, Map<String, String> properties) throws IOException {
    UnderFileSystem local =
        new LocalUnderFileSystemFactory()
            .create(URI.create("file://" + rootUri.getPath()), Map.of());
    URI optioned = URI.create(SCHEME + "://" + local.rootUri().getPath());
    return new ForwardingUnderFileSystem(local) {
      @Override
      public URI rootUri() {
        return optioned;
      }
    };
  }
}
