package io.metasync.master.rpc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.metasync.common.CallHeaders;
import io.metasync.common.CauseChain;
import io.metasync.common.MessageText;
import io.metasync.common.MetasyncException;
import io.metasync.master.journal.NotLeaderException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the master turns an exception into a gRPC status. A {@link MetasyncException}
 * travels with its code and message; anything else is a bug, logged with its stack and sent as
 * INTERNAL. A description never exceeds {@link #MAX_DESCRIPTION_BYTES}: it travels in an HTTP/2
 * header, and one over the client's 8 KiB header limit reached the user as a bare "http2 exception"
 * instead of the error.
 */
final class RpcErrors {
  private static final Logger LOG = LoggerFactory.getLogger(RpcErrors.class);

  /** Far below gRPC's 8 KiB metadata limit, in bytes as sent (see {@link #headerBytes}). */
  static final int MAX_DESCRIPTION_BYTES = 2048;

  /** Of a longer description, this many header bytes of its start and of its end are kept. */
  private static final int KEPT_START_BYTES = 1400;

  private static final int KEPT_END_BYTES = 500;

  private RpcErrors() {}

  private static final Metadata.Key<String> STANDBY =
      Metadata.Key.of(CallHeaders.STANDBY, Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> ERROR_ORIGIN =
      Metadata.Key.of(CallHeaders.ERROR_ORIGIN, Metadata.ASCII_STRING_MARSHALLER);

  static StatusRuntimeException toStatus(Throwable error) {
    if (error instanceof StatusRuntimeException status) {
      return status;
    }
    if (error instanceof NotLeaderException notLeader) {
      Metadata trailers = fromMaster();
      trailers.put(STANDBY, "true"); // another master may take the call: the client retries there
      return Status.UNAVAILABLE
          .withDescription(bounded(notLeader.getMessage()))
          .asRuntimeException(trailers);
    }
    if (error instanceof MetasyncException metasync) {
      return Status.fromCodeValue(metasync.code().grpcCode())
          .withDescription(bounded(metasync.getMessage()))
          .asRuntimeException(fromMaster());
    }
    LOG.error("Internal error serving a call", error);
    return Status.INTERNAL
        .withDescription(
            bounded(
                "internal error in the master: "
                    + CauseChain.describe(error)
                    + " (see the master's log)"))
        .asRuntimeException(fromMaster());
  }

  /**
   * The trailers of every error the master sends: they tell a client that a master answered (an
   * UNAVAILABLE from the UFS is not a reason to try another master).
   */
  static Metadata fromMaster() {
    Metadata trailers = new Metadata();
    trailers.put(ERROR_ORIGIN, "master");
    return trailers;
  }

  /**
   * {@code message}, or its start and end when its header form is longer than {@link
   * #MAX_DESCRIPTION_BYTES}; the end of a message usually says what to do, so it is kept.
   */
  static String bounded(String message) {
    if (headerBytes(message) <= MAX_DESCRIPTION_BYTES) {
      return message;
    }
    int startEnd = fitting(message, 0, 1, KEPT_START_BYTES);
    int endStart = fitting(message, message.length(), -1, KEPT_END_BYTES);
    return message.substring(0, startEnd)
        + " [... "
        + MessageText.count(endStart - startEnd)
        + " characters left out ...] "
        + message.substring(endStart);
  }

  /**
   * gRPC sends a description percent-encoded: printable ASCII as itself, every other UTF-8 byte as
   * three.
   */
  static int headerBytes(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      bytes += headerBytes(text.codePointAt(i));
    }
    return bytes;
  }

  private static int headerBytes(int codePoint) {
    if (codePoint >= ' ' && codePoint < 0x7f && codePoint != '%') {
      return 1;
    }
    return 3 * new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
  }

  /** The index where whole code points from {@code from} in {@code direction} fill the budget. */
  private static int fitting(String text, int from, int direction, int budget) {
    int index = from;
    int used = 0;
    while (direction > 0 ? index < text.length() : index > 0) {
      int codePoint = direction > 0 ? text.codePointAt(index) : text.codePointBefore(index);
      used += headerBytes(codePoint);
      if (used > budget) {
        break;
      }
      index += direction * Character.charCount(codePoint);
    }
    return index;
  }
}
