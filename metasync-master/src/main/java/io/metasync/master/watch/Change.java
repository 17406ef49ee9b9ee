package io.metasync.master.watch;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import java.util.Optional;

/**
 * One change to the namespace as a watcher sees it: what happened to which path. A move is one
 * change with both paths, never a deletion and a creation.
 *
 * @param source the path before a {@link Kind#RENAMED} change; empty for every other kind
 */
public record Change(Kind kind, NamespacePath path, Optional<NamespacePath> source) {
  /** What happened to the path. */
  public enum Kind {
    CREATED,
    DELETED,
    /** Moved from {@code source} to {@code path}. */
    RENAMED,
    /** Owner, group or mode changed. */
    METADATA,
    /** A file's length, modification time or content hash changed. */
    CONTENT
  }

  public Change {
    requireNonNull(kind, "kind is null");
    requireNonNull(path, "path is null");
    requireNonNull(source, "source is null");
    checkArgument(
        source.isPresent() == (kind == Kind.RENAMED),
        "a change has a source path exactly when it is a rename: %s %s",
        kind,
        path);
  }

  public static Change of(Kind kind, NamespacePath path) {
    return new Change(kind, path, Optional.empty());
  }

  public static Change renamed(NamespacePath source, NamespacePath destination) {
    return new Change(Kind.RENAMED, destination, Optional.of(source));
  }

  /**
   * Whether a watch of {@code top} sees this change: at {@code top} itself or (when {@code
   * recursive}) anywhere below it, or (when not) directly in it; a move is seen from either end.
   */
  boolean isUnder(NamespacePath top, boolean recursive) {
    return within(path, top, recursive)
        || source.map(from -> within(from, top, recursive)).orElse(false);
  }

  private static boolean within(NamespacePath changed, NamespacePath top, boolean recursive) {
    if (recursive) {
      return changed.startsWith(top);
    }
    return changed.equals(top) || (!changed.isRoot() && changed.parent().equals(top));
  }
}
