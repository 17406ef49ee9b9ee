package io.metasync.bench;

import io.metasync.common.Ticker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A master in a JVM of its own ({@link ChildMaster}) and its stdin/stdout protocol, for the
 * scenarios that restart a master, kill it or measure its process (heap, resident memory).
 */
final class MasterJvm implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening (\\d+) inodes (\\d+)");
  private static final Pattern SNAPSHOT_LOADED =
      Pattern.compile("loaded the journal snapshot .* in (\\d+) ms");
  private static final Pattern SNAPSHOT_WRITTEN =
      Pattern.compile("wrote the journal snapshot .* in (\\d+) ms");

  private final Ticker ticker;
  final Process process;
  final BufferedReader out;
  final PrintWriter in;
  final Path stderr;
  final double startMillis;
  final int port;
  final long inodes;

  /**
   * @param ticker times the JVM's start and {@link #stop}
   * @param maxHeap the JVM's {@code -Xmx} option, such as {@code -Xmx512m}
   * @param settings {@code key=value} configuration of the master
   */
  MasterJvm(Path home, Path ufsRoot, Ticker ticker, String maxHeap, String... settings)
      throws IOException {
    this.ticker = ticker;
    Files.createDirectories(home);
    stderr = home.resolve("master.err");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            maxHeap,
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.slf4j.simpleLogger.log.io.metasync.master.journal=info",
            "-cp",
            System.getProperty("java.class.path"),
            ChildMaster.class.getName(),
            home.toString(),
            ufsRoot.toString()));
    command.addAll(List.of(settings));
    long start = ticker.nanos();
    process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
            .start();
    out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    in =
        new PrintWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    String line = out.readLine();
    startMillis = (ticker.nanos() - start) / 1e6;
    Matcher m = line == null ? null : LISTENING.matcher(line);
    if (m == null || !m.find()) {
      process.destroyForcibly();
      throw new IllegalStateException("the master JVM did not start (" + line + "); see " + stderr);
    }
    port = Integer.parseInt(m.group(1));
    inodes = Long.parseLong(m.group(2));
  }

  long[] heap() throws IOException {
    in.println("heap");
    String[] words = out.readLine().split(" ");
    return new long[] {Long.parseLong(words[1]), Long.parseLong(words[3])};
  }

  /** Stops cleanly (snapshot on close); returns milliseconds until the JVM exited. */
  double stop() throws Exception {
    long start = ticker.nanos();
    in.println("stop");
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("the master JVM did not stop; see " + stderr);
    }
    return (ticker.nanos() - start) / 1e6;
  }

  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
  }

  /** The last "wrote the journal snapshot ... in N ms" of its log, or -1. */
  long snapshotWriteMillis() throws IOException {
    Matcher m = SNAPSHOT_WRITTEN.matcher(Files.readString(stderr));
    long last = -1;
    while (m.find()) {
      last = Long.parseLong(m.group(1));
    }
    return last;
  }

  /** The last "loaded the journal snapshot ... in N ms" of its log, or -1. */
  long snapshotLoadMillis() throws IOException {
    Matcher m = SNAPSHOT_LOADED.matcher(Files.readString(stderr));
    long last = -1;
    while (m.find()) {
      last = Long.parseLong(m.group(1));
    }
    return last;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  /**
   * The JVM's peak and current resident memory in bytes ({@code VmHWM} and {@code VmRSS} of {@code
   * /proc/PID/status}), or -1 each where the system does not say.
   */
  long[] residentMemory() throws IOException {
    long peak = -1;
    long current = -1;
    for (String line :
        Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        peak = kilobytes(line) * 1024;
      } else if (line.startsWith("VmRSS:")) {
        current = kilobytes(line) * 1024;
      }
    }
    return new long[] {peak, current};
  }

  private static long kilobytes(String statusLine) {
    return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
  }
}
