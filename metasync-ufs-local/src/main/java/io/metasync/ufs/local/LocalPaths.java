package io.metasync.ufs.local;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** Turns UFS paths ({@code /a/b}) into local paths below a root folder, and back. */
final class LocalPaths {
  private final Path root;

  LocalPaths(Path root) {
    this.root = requireNonNull(root, "root is null");
  }

  Path root() {
    return root;
  }

  Path local(String path) {
    requireNonNull(path, "path is null");
    checkArgument(path.startsWith("/"), "UFS path '%s' is not absolute", path);
    if (path.equals("/")) {
      return root;
    }
    for (String component : path.substring(1).split("/", -1)) {
      checkArgument(
          !component.isEmpty() && !component.equals(".") && !component.equals(".."),
          "UFS path '%s' is not normalized",
          path);
    }
    return root.resolve(path.substring(1));
  }

  String ufs(Path local) {
    Path relative = root.relativize(local);
    if (relative.toString().isEmpty()) {
      return "/";
    }
    StringBuilder path = new StringBuilder();
    for (Path component : relative) {
      path.append('/').append(component);
    }
    return path.toString();
  }

  static String child(String folder, String name) {
    return folder.equals("/") ? "/" + name : folder + "/" + name;
  }

  static boolean isAtOrUnder(String path, String folder) {
    return folder.equals("/") || path.equals(folder) || path.startsWith(folder + "/");
  }
}
