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
import java.nio.file.NoSuchFileException;
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
   * Opens the real path of the folder {@code rootUri} names, links resolved ({@link
   * Path#toRealPath}): the UFS's {@link UnderFileSystem#rootUri} is that real path, as a URI
   * without a trailing slash, so that mounts are compared (and a mount through a link is pinned) by
   * the folder they really serve. Below the root, no link is followed (see {@link
   * LocalUnderFileSystem}).
   *
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
    Path asked;
    try {
      asked = Path.of(rootUri).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      throw MetasyncException.invalidArgument(
          "'"
              + rootUri
              + "' is not a local folder URI (use file:///absolute/path): "
              + e.getMessage());
    }
    Path root;
    try {
      root = asked.toRealPath();
    } catch (NoSuchFileException e) {
      FileNotFoundException missing = new FileNotFoundException(rootUri + " does not exist");
      missing.initCause(e);
      throw missing;
    }
    if (!Files.isDirectory(root)) {
      throw new FileNotFoundException(rootUri + " is not a directory");
    }
    return new LocalUnderFileSystem(folderUri(root), root);
  }

  /** {@code file:///a/b} for the folder {@code /a/b}: mounts are shown without a trailing slash. */
  static URI folderUri(Path folder) {
    String uri = folder.toUri().toString();
    return URI.create(
        uri.endsWith("/") && folder.getParent() != null ? uri.substring(0, uri.length() - 1) : uri);
  }
}
