package io.metasync.common;

import static java.util.Objects.requireNonNull;

/**
 * The one error type of metasync. Its message is what a user reads after {@code Error: }: it names
 * the path or key and the cause, and where it can, what to do.
 */
public class MetasyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public MetasyncException(ErrorCode code, String message) {
    super(requireNonNull(message, "message is null"));
    this.code = requireNonNull(code, "code is null");
  }

  public MetasyncException(ErrorCode code, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.code = requireNonNull(code, "code is null");
  }

  public ErrorCode code() {
    return code;
  }

  public static MetasyncException notFound(NamespacePath path) {
    return new MetasyncException(ErrorCode.NOT_FOUND, path + " does not exist");
  }

  public static MetasyncException alreadyExists(NamespacePath path) {
    return new MetasyncException(ErrorCode.ALREADY_EXISTS, path + " already exists");
  }

  public static MetasyncException invalidArgument(String message) {
    return new MetasyncException(ErrorCode.INVALID_ARGUMENT, message);
  }

  public static MetasyncException failedPrecondition(String message) {
    return new MetasyncException(ErrorCode.FAILED_PRECONDITION, message);
  }
}
