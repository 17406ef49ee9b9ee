package io.metasync.master.pathconf;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import java.util.Optional;

/**
 * Where a setting in effect for a call came from: the call itself, the path configuration of a path
 * (the deepest that sets it), or the master's configuration.
 */
public record SettingOrigin(Source source, Optional<NamespacePath> path) {
  public enum Source {
    CALL,
    PATH_CONF,
    MASTER_DEFAULT
  }

  public static final SettingOrigin CALL = new SettingOrigin(Source.CALL, Optional.empty());
  public static final SettingOrigin MASTER_DEFAULT =
      new SettingOrigin(Source.MASTER_DEFAULT, Optional.empty());

  public SettingOrigin {
    requireNonNull(source, "source is null");
    requireNonNull(path, "path is null");
    if (path.isPresent() != (source == Source.PATH_CONF)) {
      throw new IllegalArgumentException("a path goes with, and only with, PATH_CONF: " + source);
    }
  }

  public static SettingOrigin pathConf(NamespacePath path) {
    return new SettingOrigin(Source.PATH_CONF, Optional.of(path));
  }

  /** "call", "path configuration at /x" or "master default". */
  @Override
  public String toString() {
    return switch (source) {
      case CALL -> "call";
      case PATH_CONF -> "path configuration at " + path.orElseThrow();
      case MASTER_DEFAULT -> "master default";
    };
  }
}
