package io.metasync.ufs.local;

import static java.util.Objects.requireNonNull;

import io.metasync.common.MetasyncException;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemFactory;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/** Opens {@code file:} URIs naming an existing local folder as under file systems. */
public final class LocalUnderFileSystemFactory implements UnderFileSystemFactory {
  @Override
  public String scheme() {
    return "file";
  }

  /**
   * @throws FileNotFoundException naming the URI when it is not an existing folder
   * @throws MetasyncException INVALID_ARGUMENT when the URI is not a {@code file:///path} URI or
   *     when {@code properties} is not empty: this UFS takes no options, so any is a mistake
   */
  @Override
  public UnderFileSystem create(URI rootUri, Map<String, String> properties) throws IOException {
    requireNonNull(rootUri, "rootUri is null");
    requireNonNull(properties, "properties is null");
    if (!properties.isEmpty()) {
      throw MetasyncException.invalidArgument(
          "the local under file system takes no options, but "
              + rootUri
              + " was given "
              + new TreeSet<>(properties.keySet()));
    }
    Path root;
    try {
      root = Path.of(rootUri).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      throw MetasyncException.invalidArgument(
          "'"
              + rootUri
              + "' is not a local folder URI (use file:///absolute/path): "
              + e.getMessage());
    }
    if (!Files.exists(root)) {
      throw new FileNotFoundException(rootUri + " does not exist");
    }
    if (!Files.isDirectory(root)) {
      throw new FileNotFoundException(rootUri + " is not a directory");
    }
    return new LocalUnderFileSystem(rootUri, root);
  }
}
