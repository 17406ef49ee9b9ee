package io.metasync.master.mount;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.ufs.UnderFileSystem;
import java.net.URI;

/** One row of the mount table: a namespace folder served by a UFS. */
public record MountPoint(
    NamespacePath path, URI ufsUri, MountOptions options, UnderFileSystem ufs) {
  public MountPoint {
    requireNonNull(path, "path is null");
    requireNonNull(ufsUri, "ufsUri is null");
    requireNonNull(options, "options is null");
    requireNonNull(ufs, "ufs is null");
  }

  /** The UFS path (relative to the mount's UFS root) of a namespace path inside this mount. */
  public String ufsPathOf(NamespacePath namespacePath) {
    return namespacePath.relativeTo(path);
  }
}
