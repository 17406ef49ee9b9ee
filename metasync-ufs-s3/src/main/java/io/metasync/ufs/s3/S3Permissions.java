package io.metasync.ufs.s3;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The owner, group and mode that every entry of an S3 mount reports: S3 stores none of them, so
 * they come from the mount's options and cannot be changed per entry.
 */
record S3Permissions(String owner, String group, int mode) {
  S3Permissions {
    requireNonNull(owner, "owner is null");
    requireNonNull(group, "group is null");
    checkArgument(!owner.isEmpty() && !group.isEmpty(), "owner and group must not be empty");
    checkArgument(
        mode >= 0 && mode <= 0777, "mode %s is out of range", Integer.toOctalString(mode));
  }

  @Override
  public String toString() {
    return "S3Permissions[owner="
        + owner
        + ", group="
        + group
        + ", mode=0"
        + Integer.toOctalString(mode)
        + "]";
  }
}
