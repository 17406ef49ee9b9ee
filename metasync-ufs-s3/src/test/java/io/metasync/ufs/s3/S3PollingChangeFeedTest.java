package io.metasync.ufs.s3;

import io.metasync.ufs.AbstractChangeFeedTest;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.ExternalUfsWriter;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The change feed contract for the feed an S3 mount gets, the default polling one, against a real
 * S3 server changed by another client.
 */
class S3PollingChangeFeedTest extends AbstractChangeFeedTest {
  private static S3ProxyFixture s3;
  private URI root;
  private S3ExternalWriter writer;

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

  @AfterEach
  void closeWriter() {
    if (writer != null) {
      writer.close();
    }
  }

  @Override
  protected UnderFileSystem newUnderFileSystem() throws IOException {
    root = s3.freshRoot();
    return s3.open(root, s3.options());
  }

  @Override
  protected ExternalUfsWriter externalWriter() {
    writer =
        new S3ExternalWriter(
            s3.server().newClient(), S3ProxyFixture.BUCKET, root.getPath().substring(1) + "/");
    return writer;
  }

  @Override
  protected ChangeFeed openFeed(UnderFileSystem ufs, FeedCursor resumeFrom) throws IOException {
    return ufs.openChangeFeed(resumeFrom, Duration.ofMillis(100));
  }

  /** A mode kept in an object's metadata is a rewrite: a new time, the same ETag. */
  @Override
  protected ChangeKind modeChangeKind() {
    return ChangeKind.CONTENT;
  }
}
