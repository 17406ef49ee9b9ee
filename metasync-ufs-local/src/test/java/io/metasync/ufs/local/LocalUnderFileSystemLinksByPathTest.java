package io.metasync.ufs.local;

/**
 * The link tests with every entry reached by path after an {@code lstat} of each folder above it:
 * what a master that cannot read a folder does below it, and a platform without {@code openat}.
 */
class LocalUnderFileSystemLinksByPathTest extends LocalUnderFileSystemLinksTest {
  @Override
  LinkFreePaths.Reach reach() {
    return LinkFreePaths.Reach.BY_PATH;
  }
}
