package io.metasync.master.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A separate JVM for crash tests: opens a journal on a folder, writes {@code count} entries named
 * {@code e0, e1, ...}, prints {@code written <count>} once every write was acknowledged, and then
 * waits to be killed with {@code kill -9}.
 */
public final class JournalWriterProcess {
  private JournalWriterProcess() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (IOException | RuntimeException e) {
      e.printStackTrace();
    }
    // Ratis's threads would keep the JVM alive; the test reads the exit as a failure.
    Runtime.getRuntime().halt(1);
  }

  private static void run(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    String checkpointPeriod = args[2];
    RatisJournal journal =
        RatisJournal.open(
            RatisJournalRestartTest.configuration(folder, checkpointPeriod), new RecordingState());
    for (int i = 0; i < count; i++) {
      journal.write(RecordingState.entry("e" + i));
    }
    System.out.println("written " + count);
    System.out.flush();
    // Wait for the kill; a closed stdin (the test died) ends the process without closing the
    // journal.
    while (System.in.read() >= 0) {
      // ignore input
    }
  }
}
