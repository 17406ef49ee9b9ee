package io.metasync.master.file;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hadoop {@code FileSystem.rename}'s rules for where a rename goes, as HDFS applies them: into a
 * destination that is a folder; refused (Hadoop's {@code false}, not an error) for a missing
 * source, the root, a move into itself, a destination that is a file or whose name inside the
 * destination folder is taken, and a missing destination parent or one that is a file. Decides from
 * the cache as a write's checks do; the rename re-checks under its locks.
 */
final class HadoopRenameRules {
  /** Where a rename goes, or why Hadoop refuses it. */
  record Decision(Optional<NamespacePath> destination, String refusal) {
    static Decision to(NamespacePath destination) {
      return new Decision(Optional.of(destination), "");
    }

    static Decision refuse(String why) {
      return new Decision(Optional.empty(), why);
    }
  }

  private final Function<NamespacePath, Optional<Inode>> lookup;

  /**
   * @param lookup the inode at a path, loaded from the UFS as a write's lookups are
   */
  HadoopRenameRules(Function<NamespacePath, Optional<Inode>> lookup) {
    this.lookup = requireNonNull(lookup, "lookup is null");
  }

  /**
   * The path {@code source} moves to, or why not; a file renamed onto itself goes to itself (which
   * Hadoop counts as done), a folder onto itself is refused.
   */
  Decision decide(NamespacePath source, NamespacePath destination) {
    if (source.isRoot()) {
      return Decision.refuse("the root cannot be renamed");
    }
    Optional<Inode> moved = lookup.apply(source);
    if (moved.isEmpty()) {
      return Decision.refuse(source + " does not exist");
    }
    if (source.equals(destination)) {
      return moved.get().isDirectory()
          ? Decision.refuse(source + " is a folder: it cannot be renamed onto itself")
          : Decision.to(source);
    }
    if (destination.startsWith(source)) {
      return Decision.refuse("cannot move " + source + " inside itself, to " + destination);
    }
    Optional<Inode> target = lookup.apply(destination);
    if (target.isPresent()) {
      if (!target.get().isDirectory()) {
        return Decision.refuse(destination + " exists and is a file");
      }
      NamespacePath inside = destination.child(source.name());
      return lookup.apply(inside).isPresent()
          ? Decision.refuse(inside + " already exists")
          : Decision.to(inside);
    }
    Optional<Inode> parent = lookup.apply(destination.parent());
    if (parent.isEmpty() || !parent.get().isDirectory()) {
      return Decision.refuse("the parent of " + destination + " is not a folder");
    }
    return Decision.to(destination);
  }
}
