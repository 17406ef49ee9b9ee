package io.metasync.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.metasync.client.MetasyncClient;
import io.metasync.common.LoadType;
import io.metasync.common.MetasyncException;
import io.metasync.common.SyncInterval;
import io.metasync.master.MasterFixture;
import io.metasync.master.PausingDeleteUnderFileSystem;
import io.metasync.ufs.FaultInjectingUnderFileSystem;
import io.metasync.ufs.UfsOperation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rm -R} of a folder of a few thousand local files against a real master: progress on stderr
 * for a person at a terminal, nothing for a script, and the same errors as before it had progress.
 */
class RemoveProgressEndToEndTest {
  private static final String RATE_AND_TIME = " \\([\\d,]+/s\\), \\d+\\.\\ds";

  @TempDir static Path folder;
  @TempDir static Path home;
  private static MasterFixture master;
  private static PausingDeleteUnderFileSystem pausing;
  private static FaultInjectingUnderFileSystem faults;
  private static ShellRunner script;

  @BeforeAll
  static void startMaster() throws IOException {
    master =
        MasterFixture.start(
            folder,
            ufs -> {
              faults = new FaultInjectingUnderFileSystem(ufs);
              pausing = new PausingDeleteUnderFileSystem(faults);
              return pausing;
            },
            Map.of());
    script = new ShellRunner(home, port());
  }

  @AfterAll
  static void stopMaster() throws InterruptedException {
    master.close();
  }

  @AfterEach
  void heal() {
    pausing.release();
    faults.heal();
  }

  private static String port() {
    return "-Dmetasync.master.rpc.port=" + master.master().rpcPort();
  }

  /** 3,000 files in three folders and 500 beside them: 3,504 entries with /name, all cached. */
  private static long tree(String name) throws IOException {
    Path top = Files.createDirectories(master.rootFolder().resolve(name));
    for (int d = 0; d < 3; d++) {
      Path sub = Files.createDirectories(top.resolve("d" + d));
      for (int f = 0; f < 1000; f++) {
        Files.createFile(sub.resolve("f" + f));
      }
    }
    for (int f = 0; f < 500; f++) {
      Files.createFile(top.resolve("f" + f));
    }
    ShellRunner.Result loaded =
        script.run(
            "fs",
            "loadMetadata",
            "-R",
            "/" + name,
            "-Dmetasync.user.file.metadata.sync.interval=0");
    assertThat(loaded.exitCode()).as("%s", loaded).isZero();
    return 3_504;
  }

  @Test
  void atATerminalRmDashRShowsTheCountsOnStderrAndNothingOnStdout() throws Exception {
    long entries = tree("watched");
    long inodesBefore = master.master().namespace().inodeCount();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    pausing.pauseAfter(1_000);

    CompletableFuture<Integer> exitCode =
        CompletableFuture.supplyAsync(() -> interactiveRun(out, err, "fs", "rm", "-R", "/watched"));
    // held after 1,000 entries until a person has seen them
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> err.toString(StandardCharsets.UTF_8).contains("deleted in the UFS so far"));
    pausing.release();

    assertThat(exitCode.get(60, TimeUnit.SECONDS))
        .as(err.toString(StandardCharsets.UTF_8))
        .isZero();
    assertThat(out.size()).isZero();
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.subList(0, lines.size() - 1))
        .isNotEmpty()
        .allMatch(line -> line.startsWith("deleting /watched: "))
        .anyMatch(
            line ->
                line.matches(
                    "deleting /watched: (1,\\d{3}|[2-3],\\d{3}) entries deleted in the UFS so far"
                        + RATE_AND_TIME));
    assertThat(lines.get(lines.size() - 1))
        .matches("deleted /watched: 3,504 entries in the UFS, 3,504 in the cache, in \\d+\\.\\ds");
    assertThat(master.rootFolder().resolve("watched")).doesNotExist();
    assertThat(master.master().namespace().inodeCount()).isEqualTo(inodesBefore - entries);
  }

  @Test
  void forAScriptRmDashRPrintsNothingAndRemovesEverything() throws IOException {
    long entries = tree("scripted");
    long inodesBefore = master.master().namespace().inodeCount();

    ShellRunner.Result result = script.run("fs", "rm", "-R", "/scripted");

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEmpty();
    assertThat(master.rootFolder().resolve("scripted")).doesNotExist();
    assertThat(master.master().namespace().inodeCount()).isEqualTo(inodesBefore - entries);
    assertThat(script.run("fs", "stat", "/scripted").err().strip())
        .startsWith("Error: /scripted does not exist");
  }

  @Test
  void aMissingPathIsTheSameOneLineErrorAsWithoutProgress() {
    ShellRunner.Result result = script.run("fs", "rm", "-R", "/missing");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Error: /missing does not exist\n");
    assertThat(result.err().strip()).isEqualTo("Error: " + unaryDeleteError("/missing"));
  }

  @Test
  void aUfsErrorIsTheSameOneLineErrorAsWithoutProgressAndKeepsEverything() throws IOException {
    long entries = tree("failing");
    long inodesBefore = master.master().namespace().inodeCount();
    IOException error = new IOException("disk on fire");
    faults.failNext(UfsOperation.DELETE, error);
    String before = "Error: " + unaryDeleteError("/failing");
    faults.failNext(UfsOperation.DELETE, error);

    ShellRunner.Result result = script.run("fs", "rm", "-R", "/failing");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).hasLineCount(1).startsWith(before);
    assertThat(result.err().strip()).isEqualTo(before).contains("/failing", "disk on fire");
    assertThat(master.rootFolder().resolve("failing")).isDirectory();
    assertThat(master.master().namespace().inodeCount()).isEqualTo(inodesBefore);
    assertThat(entries).isPositive();
  }

  /** The message of the unary Delete that rm -R used before it showed progress. */
  private static String unaryDeleteError(String path) {
    try (MetasyncClient client =
        MetasyncClient.connect(
            "localhost",
            master.master().rpcPort(),
            new io.metasync.client.CallOptions(SyncInterval.NEVER, LoadType.ONCE))) {
      client.delete(path, true);
      throw new AssertionError("the delete of " + path + " succeeded");
    } catch (MetasyncException e) {
      return e.getMessage();
    }
  }

  private static int interactiveRun(
      ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    String[] withDefinitions = new String[args.length + 2];
    System.arraycopy(args, 0, withDefinitions, 0, args.length);
    withDefinitions[args.length] = "-Dmetasync.home=" + home;
    withDefinitions[args.length + 1] = port();
    ScannedArguments scanned = ScannedArguments.scan(withDefinitions);
    ShellEnvironment environment =
        new ShellEnvironment(
            scanned.definitions(),
            home,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            true,
            ZoneOffset.UTC,
            new SteppingClock());
    return Main.execute(environment, scanned);
  }

  /** A second passes at every reading: the printer shows every report it is given. */
  private static final class SteppingClock extends Clock {
    private final AtomicLong seconds = new AtomicLong();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochSecond(seconds.incrementAndGet());
    }
  }
}
