package io.metasync.shell;

import io.metasync.client.MetasyncClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code chown OWNER[:GROUP] PATH}. */
@Command(
    name = "chown",
    description = "Set the owner, and the group if given, of a file or directory.")
final class ChownCommand extends FsHandler {
  @Parameters(
      index = "0",
      paramLabel = "OWNER[:GROUP]",
      converter = OwnershipConverter.class,
      description = "New owner, optionally followed by ':' and the new group.")
  private Ownership ownership;

  @Parameters(index = "1", paramLabel = "PATH", description = "Namespace path.")
  private String path;

  @Override
  void execute(MetasyncClient client) {
    client.setOwner(path, ownership.owner(), ownership.group());
  }

  /** An owner and a group, {@code null} when the group is to stay as it is. */
  record Ownership(String owner, String group) {}

  static final class OwnershipConverter implements ITypeConverter<Ownership> {
    @Override
    public Ownership convert(String value) {
      int colon = value.indexOf(':');
      String owner = colon < 0 ? value : value.substring(0, colon);
      String group = colon < 0 ? null : value.substring(colon + 1);
      if (owner.isEmpty() || (group != null && group.isEmpty())) {
        throw new TypeConversionException(
            "'" + value + "' is not OWNER or OWNER:GROUP, such as alice or alice:staff");
      }
      return new Ownership(owner, group);
    }
  }
}
