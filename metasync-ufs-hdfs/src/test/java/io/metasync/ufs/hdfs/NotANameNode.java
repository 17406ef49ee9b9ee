package io.metasync.ufs.hdfs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A server on a loopback port that is not a NameNode: it accepts connections and then writes what
 * it is given (an SSH greeting, an HTTP answer), closes them, or says nothing.
 */
final class NotANameNode implements AutoCloseable {
  /** What the server does with each connection it accepts. */
  enum Behaviour {
    WRITES_GARBAGE,
    ANSWERS_HTTP,
    CLOSES_AT_ONCE,
    SAYS_NOTHING
  }

  private final ServerSocket server;
  private final List<Socket> accepted = new ArrayList<>();

  private NotANameNode(Behaviour behaviour) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> serve(behaviour), "not-a-namenode");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static NotANameNode start(Behaviour behaviour) throws IOException {
    return new NotANameNode(behaviour);
  }

  URI uri() {
    return URI.create("hdfs://localhost:" + server.getLocalPort() + "/");
  }

  String address() {
    return "localhost:" + server.getLocalPort();
  }

  private void serve(Behaviour behaviour) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        synchronized (accepted) {
          accepted.add(socket);
        }
        OutputStream out = socket.getOutputStream();
        switch (behaviour) {
          case WRITES_GARBAGE -> out.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes());
          case ANSWERS_HTTP ->
              out.write(
                  "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                      .getBytes());
          case CLOSES_AT_ONCE -> socket.close();
          case SAYS_NOTHING -> {}
        }
        out.flush();
      } catch (IOException e) {
        // closed by close(), or the client went away
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (accepted) {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }
}
