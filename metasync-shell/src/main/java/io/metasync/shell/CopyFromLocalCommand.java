package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code copyFromLocal LOCAL PATH}. */
@Command(
    name = "copyFromLocal",
    description = {
      "Copy a local file into the namespace (and so into the UFS under PATH).",
      "When PATH is an existing directory the file keeps its name inside it."
    })
final class CopyFromLocalCommand extends FsHandler {
  @Parameters(index = "0", paramLabel = "LOCAL", description = "Local file to copy.")
  private Path local;

  @Parameters(index = "1", paramLabel = "PATH", description = "Namespace path of the copy.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    if (Files.isDirectory(local)) {
      throw MetasyncException.invalidArgument(
          "local path " + local + " is a directory; copyFromLocal copies one file");
    }
    // opened first, so a missing local file is reported before the master is asked anything
    try (InputStream content = Files.newInputStream(local)) {
      client.createFile(targetPath(client), content);
    } catch (IOException e) {
      throw LocalFileErrors.of(local, e);
    }
  }

  private String targetPath(MetasyncClient client) {
    try {
      if (client.getStatus(path).isDirectory()) {
        return (path.endsWith("/") ? path : path + "/") + local.getFileName();
      }
    } catch (MetasyncException e) {
      if (e.code() != ErrorCode.NOT_FOUND) {
        throw e;
      }
    }
    return path;
  }
}
