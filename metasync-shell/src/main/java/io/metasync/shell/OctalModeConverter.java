package io.metasync.shell;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a MODE argument, so a bad one is a usage error naming the argument. */
final class OctalModeConverter implements ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    try {
      return PermissionFormat.parseOctal(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
