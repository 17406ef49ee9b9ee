package io.metasync.ufs.s3;

import io.metasync.ufs.AbstractUnderFileSystemTest;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The UFS contract against a real S3 server (s3proxy), each test under a fresh prefix. */
class S3UnderFileSystemTest extends AbstractUnderFileSystemTest {
  private static S3ProxyFixture s3;

  @BeforeAll
  static void startServer() throws IOException {
    s3 = S3ProxyFixture.start();
  }

  @AfterAll
  static void stopServer() {
    if (s3 != null) {
      s3.close();
    }
  }

  @Override
  protected UnderFileSystem newUnderFileSystem() throws IOException {
    return s3.open(s3.freshRoot(), s3.options());
  }

  /** S3 keeps no modes: every entry has the mount's s3.mode, 0755 by default. */
  @Override
  protected OptionalInt fixedMode() {
    return OptionalInt.of(0755);
  }
}
