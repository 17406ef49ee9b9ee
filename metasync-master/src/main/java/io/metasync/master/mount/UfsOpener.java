package io.metasync.master.mount;

import io.metasync.ufs.UnderFileSystem;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Opens the UFS of a mount. The master's opener finds the implementation by scheme and applies its
 * decorators (tests count or fail calls this way; metrics will too).
 */
@FunctionalInterface
public interface UfsOpener {
  /**
   * @throws java.io.FileNotFoundException when the folder does not exist
   * @throws IOException when the UFS cannot be reached
   */
  UnderFileSystem open(URI uri, Map<String, String> properties) throws IOException;
}
