package io.metasync.ufs.local;

import io.metasync.ufs.AbstractUnderFileSystemTest;
import io.metasync.ufs.UnderFileSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UFS contract on a local folder whose entries are reached by path (see {@link
 * LinkFreePaths.Reach#BY_PATH}): the way a master takes below a folder it cannot read.
 */
class LocalUnderFileSystemByPathTest extends AbstractUnderFileSystemTest {
  @TempDir Path root;

  @Override
  protected UnderFileSystem newUnderFileSystem() {
    return new LocalUnderFileSystem(
        LocalUnderFileSystemFactory.folderUri(root),
        root,
        SortedNames.DEFAULT_RUN_SIZE,
        root.getParent(),
        LinkFreePaths.Reach.BY_PATH);
  }
}
