package io.metasync.master.security;

import io.metasync.common.ErrorCode;
import io.metasync.common.FileModes;
import io.metasync.common.MetasyncException;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import java.util.List;

/**
 * Checks a call against POSIX mode bits on the cached inodes, as the HDFS NameNode checks its own:
 * the owner's bits apply to the owner, the group's to members of the inode's group, the others' to
 * everyone else; superusers pass every check. A refusal is PERMISSION_DENIED with one line that
 * names the user, what it may not do, the path, and the inode's owner, group and mode.
 *
 * <p>Disabled ({@code metasync.security.authorization.permission.enabled=false}), every check
 * passes, as HDFS's {@code dfs.permissions.enabled=false} does.
 */
public final class PermissionChecker {
  private final boolean enabled;

  public PermissionChecker(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * Checks {@code x} on every folder of {@code chain} but the last: the inodes from the root down
   * to the path's inode (or down to the deepest one that exists), as {@code path}'s components.
   */
  public void checkTraverse(Caller caller, NamespacePath path, List<Inode> chain) {
    if (!enabled || caller.superuser()) {
      return;
    }
    NamespacePath folder = NamespacePath.ROOT;
    List<String> components = path.components();
    for (int i = 0; i < chain.size() - 1; i++) {
      Inode inode = chain.get(i);
      if (inode.isDirectory() && !allows(caller, inode, Access.EXECUTE)) {
        throw denied(caller, Access.EXECUTE, folder, inode);
      }
      folder = folder.child(components.get(i));
    }
  }

  /** Checks that {@code caller} may {@code access} {@code inode}, the inode at {@code path}. */
  public void check(Caller caller, NamespacePath path, Inode inode, Access access) {
    if (enabled && !caller.superuser() && !allows(caller, inode, access)) {
      throw denied(caller, access, path, inode);
    }
  }

  /**
   * Checks that {@code caller} may remove or move {@code child} out of {@code parent}: {@code w}
   * and {@code x} on the parent and, where the parent has the sticky bit, ownership of the child or
   * of the parent.
   */
  public void checkRemove(
      Caller caller, NamespacePath path, Inode parent, Inode child, String operation) {
    if (!enabled || caller.superuser()) {
      return;
    }
    NamespacePath parentPath = path.parent();
    if (!allows(caller, parent, Access.WRITE) || !allows(caller, parent, Access.EXECUTE)) {
      throw denied(caller, Access.WRITE, parentPath, parent);
    }
    if ((parent.mode() & FileModes.STICKY) != 0
        && !caller.user().equals(child.owner())
        && !caller.user().equals(parent.owner())) {
      throw refused(
          caller,
          operation,
          path,
          "its folder "
              + parentPath
              + " has the sticky bit and "
              + path.name()
              + " belongs to "
              + child.owner());
    }
  }

  /** Only the owner (or a superuser) may change an inode's mode. */
  public void checkOwner(Caller caller, NamespacePath path, Inode inode, String operation) {
    if (enabled && !caller.superuser() && !caller.user().equals(inode.owner())) {
      throw refused(
          caller, operation, path, "only its owner " + inode.owner() + " or a superuser may");
    }
  }

  /**
   * Changing the owner takes a superuser; changing the group takes the owner, to a group it is in.
   */
  public void checkChown(
      Caller caller, NamespacePath path, Inode inode, String owner, String group) {
    if (!enabled || caller.superuser()) {
      return;
    }
    if (owner != null && !owner.equals(inode.owner())) {
      throw refused(caller, "change the owner of", path, "only a superuser may");
    }
    if (group != null) {
      checkOwner(caller, path, inode, "change the group of");
      if (!caller.groups().contains(group)) {
        throw refused(caller, "change the group of", path, "it is not a member of group " + group);
      }
    }
  }

  /**
   * Administrator operations (mounts, sync points, path configuration) take a superuser, checked
   * even when mode bits are not.
   */
  public static void checkSuperuser(Caller caller, String operation, NamespacePath path) {
    if (!caller.superuser()) {
      throw refused(
          caller,
          operation,
          path,
          "only an administrator may (the master's user or a member of"
              + " metasync.security.supergroup)");
    }
  }

  static boolean allows(Caller caller, Inode inode, Access access) {
    int shift;
    if (caller.user().equals(inode.owner())) {
      shift = 6;
    } else if (caller.groups().contains(inode.group())) {
      shift = 3;
    } else {
      shift = 0;
    }
    int granted = (inode.mode() >> shift) & 7;
    return (granted & access.bits()) == access.bits();
  }

  /** "user U may not OPERATION PATH: WHY". */
  private static MetasyncException refused(
      Caller caller, String operation, NamespacePath path, String why) {
    return new MetasyncException(
        ErrorCode.PERMISSION_DENIED,
        "user " + caller + " may not " + operation + " " + path + ": " + why);
  }

  private static MetasyncException denied(
      Caller caller, Access access, NamespacePath path, Inode inode) {
    return new MetasyncException(
        ErrorCode.PERMISSION_DENIED,
        "user "
            + caller
            + " may not "
            + access.verb()
            + " "
            + path
            + " (owner "
            + inode.owner()
            + ", group "
            + inode.group()
            + ", mode "
            + FileModes.symbolic(inode.type(), inode.mode())
            + ")");
  }
}
