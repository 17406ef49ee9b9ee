package io.metasync.master.journal;

import io.metasync.common.ErrorCode;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/** How the journal words Ratis's failures: one line each, naming the folder, port or key. */
final class RatisErrors {
  private RatisErrors() {}

  static MetasyncException startFailure(Path folder, JournalPeers peers, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return new MetasyncException(
            ErrorCode.UNAVAILABLE,
            "cannot start the journal in "
                + folder
                + ": port "
                + peers.selfPort()
                + " on "
                + peers.selfHost()
                + " is in use; stop what uses it or set "
                + PropertyKey.MASTER_JOURNAL_PORT.key(),
            e);
      }
    }
    return new MetasyncException(
        ErrorCode.UNAVAILABLE, "cannot start the journal in " + folder + ": " + oneLine(e), e);
  }

  /** Whether Ratis refused because this peer does not lead (or no longer does, or not yet). */
  static boolean isLeadershipLost(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NotLeaderException
          || t instanceof org.apache.ratis.protocol.exceptions.NotLeaderException
          || t instanceof org.apache.ratis.protocol.exceptions.LeaderNotReadyException
          || t instanceof org.apache.ratis.protocol.exceptions.LeaderSteppingDownException) {
        return true;
      }
    }
    return false;
  }

  static MetasyncException asMetasync(Throwable e) {
    return e instanceof MetasyncException m
        ? m
        : new MetasyncException(ErrorCode.INTERNAL, "journal failure: " + oneLine(e), e);
  }

  static String oneLine(Throwable e) {
    String message = e == null ? null : e.getMessage();
    String text =
        message == null ? String.valueOf(e) : e.getClass().getSimpleName() + ": " + message;
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new MetasyncException(
          ErrorCode.UNAVAILABLE,
          "cannot find a free port on "
              + host
              + " for the journal ("
              + PropertyKey.MASTER_JOURNAL_PORT.key()
              + "=0): "
              + e,
          e);
    }
  }
}
