package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import io.metasync.client.MountInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import picocli.CommandLine.Command;

/** {@code mountTable}: one mount per line. */
@Command(
    name = "mountTable",
    description = {
      "List the mounts, one per line: path, UFS URI, then the flags readonly and shared",
      "and the options as K=V, separated by two spaces."
    })
final class MountTableCommand extends FsHandler {
  @Override
  void execute(MetasyncClient client) {
    client.mountTable().forEach(mount -> out().println(line(mount)));
  }

  static String line(MountInfo mount) {
    List<String> fields = new ArrayList<>(List.of(mount.path(), mount.ufsUri()));
    if (mount.readOnly()) {
      fields.add("readonly");
    }
    if (mount.shared()) {
      fields.add("shared");
    }
    new TreeMap<>(mount.options()).forEach((key, value) -> fields.add(key + "=" + value));
    return String.join("  ", fields);
  }
}
