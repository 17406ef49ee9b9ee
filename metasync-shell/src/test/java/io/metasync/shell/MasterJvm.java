package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code metasync master} in a JVM of its own, over one install folder, that a test can kill with
 * {@code kill -9} ({@link Process#destroyForcibly} is SIGKILL on Linux) and start again.
 */
final class MasterJvm {
  private static final Pattern LISTENING =
      Pattern.compile("metasync master listening on localhost:(\\d+) \\(web port (\\d+)\\)");

  private final Process process;
  private final Path stderr;
  private final int rpcPort;
  private final int webPort;

  private MasterJvm(Process process, Path stderr, int rpcPort, int webPort) {
    this.process = process;
    this.stderr = stderr;
    this.rpcPort = rpcPort;
    this.webPort = webPort;
  }

  static MasterJvm start(Path home, String... settings) throws IOException {
    Path stderr = Files.createTempFile(home, "master-", ".err");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "master"));
    command.add("-Dmetasync.home=" + home);
    command.add("-Dmetasync.master.rpc.port=0");
    command.add("-Dmetasync.master.web.port=0");
    command.add("-Dmetasync.master.journal.port=0");
    command.addAll(List.of(settings));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile())
            .start();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> LISTENING.matcher(Files.readString(stderr)).find() || !process.isAlive());
    Matcher listening = LISTENING.matcher(Files.readString(stderr));
    assertThat(listening.find()).as("master's stderr:\n%s", Files.readString(stderr)).isTrue();
    return new MasterJvm(
        process,
        stderr,
        Integer.parseInt(listening.group(1)),
        Integer.parseInt(listening.group(2)));
  }

  int rpcPort() {
    return rpcPort;
  }

  String stderr() throws IOException {
    return Files.readString(stderr);
  }

  /** A gauge or counter from the master's {@code /metrics} page. */
  long metric(String name) throws IOException, InterruptedException {
    String page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + webPort + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher value = Pattern.compile("(?m)^" + name + " (\\d+)$").matcher(page);
    assertThat(value.find()).as("metric %s in:\n%s", name, page).isTrue();
    return Long.parseLong(value.group(1));
  }

  /** {@code kill -9}: no shutdown hook, no snapshot, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** Stops it as Ctrl-C would. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
