package io.metasync.ufs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UnderFileSystemUriTest {
  @Test
  void rootPathIsTheRootUriWithoutTrailingSlash() {
    assertThat(rooted("file:///data/ufs").uriOf("/")).isEqualTo(URI.create("file:///data/ufs"));
    assertThat(rooted("file:///data/ufs/").uriOf("/")).isEqualTo(URI.create("file:///data/ufs"));
  }

  @Test
  void pathIsAppendedToTheRoot() {
    assertThat(rooted("hdfs://nn:8020/x/").uriOf("/a/b"))
        .isEqualTo(URI.create("hdfs://nn:8020/x/a/b"));
  }

  @Test
  void spacesAndPercentAreEscapedAndDecodeBack() {
    URI uri = rooted("file:///data").uriOf("/a b/100%/ünï");

    assertThat(uri.getRawPath()).isEqualTo("/data/a%20b/100%25/ünï");
    assertThat(uri.getPath()).isEqualTo("/data/a b/100%/ünï");
  }

  private static UnderFileSystem rooted(String root) {
    return new StubUnderFileSystem() {
      @Override
      public URI rootUri() {
        return URI.create(root);
      }
    };
  }
}
