package io.metasync.ufs;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Creates {@link UnderFileSystem}s for one URI scheme. Implementations are listed in {@code
 * META-INF/services/io.metasync.ufs.UnderFileSystemFactory}, so the master never names one.
 */
public interface UnderFileSystemFactory {
  /** The URI scheme this factory serves, for example {@code file} or {@code hdfs}. */
  String scheme();

  /**
   * Opens the UFS rooted at {@code rootUri}.
   *
   * @param properties the mount's {@code --option} values
   * @throws java.io.FileNotFoundException when the root folder does not exist
   * @throws IOException when the UFS cannot be reached
   */
  UnderFileSystem create(URI rootUri, Map<String, String> properties) throws IOException;
}
