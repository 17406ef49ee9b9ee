package io.metasync.ufs;

import static io.metasync.common.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One change a UFS reported, on paths relative to the UFS root as everywhere in this SPI ({@code
 * /a/b}).
 *
 * @param destination the new path of a {@link ChangeKind#RENAME}; null for every other kind
 */
public record ChangeEvent(ChangeKind kind, String path, String destination) {
  public ChangeEvent {
    requireNonNull(kind, "kind is null");
    requireNonNull(path, "path is null");
    checkArgument(
        (kind == ChangeKind.RENAME) == (destination != null),
        "a %s event of %s must %s a destination",
        kind,
        path,
        kind == ChangeKind.RENAME ? "have" : "not have");
  }

  public static ChangeEvent of(ChangeKind kind, String path) {
    return new ChangeEvent(kind, path, null);
  }

  public static ChangeEvent rename(String source, String destination) {
    return new ChangeEvent(
        ChangeKind.RENAME, source, requireNonNull(destination, "destination is null"));
  }
}
