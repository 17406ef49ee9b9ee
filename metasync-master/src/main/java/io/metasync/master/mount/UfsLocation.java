package io.metasync.master.mount;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.ufs.UnderFileSystem;
import java.net.URI;

/** Where a namespace path lives: its mount and its path relative to the mount's UFS root. */
public record UfsLocation(NamespacePath path, MountPoint mount, String ufsPath) {
  public UfsLocation {
    requireNonNull(path, "path is null");
    requireNonNull(mount, "mount is null");
    requireNonNull(ufsPath, "ufsPath is null");
  }

  public UnderFileSystem ufs() {
    return mount.ufs();
  }

  public URI uri() {
    return mount.ufs().uriOf(ufsPath);
  }

  public boolean isMountPoint() {
    return mount.path().equals(path);
  }
}
