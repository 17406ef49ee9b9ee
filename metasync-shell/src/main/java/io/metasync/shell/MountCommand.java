package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import io.metasync.client.MountOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mount [--readonly] [--shared] [--option K=V]... PATH UFS_URI}. */
@Command(name = "mount", description = "Mount a UFS at a namespace path.")
final class MountCommand extends FsHandler {
  @Option(names = "--readonly", description = "Refuse writes through metasync.")
  private boolean readOnly;

  @Option(
      names = "--shared",
      description = "Mark the mount as shared (recorded; the master does not act on it yet).")
  private boolean shared;

  @Option(
      names = "--option",
      paramLabel = "K=V",
      description = "A UFS property, such as an HDFS client setting; may be repeated.")
  private Map<String, String> options = new LinkedHashMap<>();

  @Parameters(index = "0", paramLabel = "PATH", description = "Namespace path of the mount.")
  private String path;

  @Parameters(
      index = "1",
      paramLabel = "UFS_URI",
      description = "Such as hdfs://nn:8020/data; a plain local path becomes a file:// URI.")
  private String ufsUri;

  @Override
  void execute(MetasyncClient client) {
    String uri = UfsUris.toUri(ufsUri, Path.of("").toAbsolutePath());
    client.mount(path, uri, new MountOptions(readOnly, shared, options));
  }
}
