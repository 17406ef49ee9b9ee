package io.metasync.ufs.hdfs;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Free ports for a server that a test stops and starts again on the same port. A port from the
 * kernel's ephemeral range (what {@code new ServerSocket(0)} gives) can be taken in between as the
 * local end of any outgoing connection on the machine; a port below that range is only ever taken
 * by a program that asks for it by number.
 */
public final class PortsBelowEphemeralRange {
  private static final int LOWEST = 10_000;
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

  private PortsBelowEphemeralRange() {}

  /** A port between 10000 and the start of the ephemeral range that nothing listens on now. */
  public static int freePort() throws IOException {
    String range;
    // One read from offset 0: a sysctl file reports its size as 0, so Files.readAllBytes (and
    // readString) read one byte, then continue at offset 1, where the kernel answers end-of-file:
    // "3" for "32768 60999", and every port asked for was 10000.
    try (InputStream in = Files.newInputStream(EPHEMERAL_RANGE)) {
      range = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    int ephemeralStart = Integer.parseInt(range.trim().split("\\s+")[0]);
    Random random = new Random();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = LOWEST + random.nextInt(Math.max(1, ephemeralStart - LOWEST));
      try (ServerSocket socket = new ServerSocket(port)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // listened on by something else: try another
      }
    }
    throw new IOException("no free port between " + LOWEST + " and " + ephemeralStart);
  }
}
