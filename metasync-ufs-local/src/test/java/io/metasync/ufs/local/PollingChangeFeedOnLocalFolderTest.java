package io.metasync.ufs.local;

import io.metasync.ufs.AbstractChangeFeedTest;
import io.metasync.ufs.ChangeFeed;
import io.metasync.ufs.ChangeKind;
import io.metasync.ufs.ExternalUfsWriter;
import io.metasync.ufs.FeedCursor;
import io.metasync.ufs.PollingChangeFeed;
import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The change feed contract for the polling feed, listing a local folder on the system clock. */
class PollingChangeFeedOnLocalFolderTest extends AbstractChangeFeedTest {
  @TempDir Path root;

  @Override
  protected UnderFileSystem newUnderFileSystem() throws IOException {
    return new LocalUnderFileSystemFactory().create(root.toUri(), Map.of());
  }

  @Override
  protected ExternalUfsWriter externalWriter() {
    return new LocalFolderWriter(root);
  }

  @Override
  protected ChangeFeed openFeed(UnderFileSystem ufs, FeedCursor resumeFrom) {
    return new PollingChangeFeed(ufs, resumeFrom, Duration.ofMillis(20));
  }

  @Override
  protected ChangeKind modeChangeKind() {
    return ChangeKind.METADATA;
  }
}
