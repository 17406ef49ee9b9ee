package io.metasync.shell;

import io.metasync.common.Folders;
import io.metasync.common.MetasyncException;
import io.metasync.common.PropertyKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code format [--force]}: empties the journal folder, so the next master starts with an empty
 * namespace. The folder and its lock file stay.
 */
@Command(
    name = "format",
    description = {
      "Wipe the journal (metasync.master.journal.folder): the next master starts empty.",
      "Refused while a master runs on it; a journal that is not empty needs --force."
    })
final class FormatCommand implements Callable<Integer> {
  private static final int NAMES_SHOWN = 5;

  @Option(names = "--force", description = "Wipe a journal that is not empty.")
  private boolean force;

  @ParentCommand private MetasyncCommand root;

  @Override
  @SuppressWarnings("try") // the lock is held for its effect: no master starts during the wipe
  public Integer call() throws IOException {
    ShellEnvironment environment = root.environment();
    PrintStream out = environment.out();
    Path journal = environment.configuration().getPath(PropertyKey.MASTER_JOURNAL_FOLDER);
    if (!Files.exists(journal)) {
      out.println("nothing to format: " + journal + " does not exist");
      return 0;
    }
    if (!Files.isDirectory(journal)) {
      throw MetasyncException.failedPrecondition(
          journal + " is not a folder; check metasync.master.journal.folder");
    }
    try (JournalLock lock = JournalLock.acquire(journal)) {
      List<Path> entries = journalEntries(journal);
      if (entries.isEmpty()) {
        out.println("the journal " + journal + " is already empty");
        return 0;
      }
      if (!force) {
        throw MetasyncException.failedPrecondition(
            "the journal "
                + journal
                + " is not empty (it holds "
                + names(entries)
                + "); run 'metasync format --force' to wipe it");
      }
      for (Path entry : entries) {
        Folders.deleteRecursively(entry);
        out.println("removed " + entry);
      }
    }
    return 0;
  }

  /**
   * The files and folders of the journal folder by name (a Ratis log holds many entries in one
   * file, so a count of files would not be a count of journal entries).
   */
  private static String names(List<Path> entries) {
    List<String> names =
        entries.stream().limit(NAMES_SHOWN).map(entry -> entry.getFileName().toString()).toList();
    String shown = String.join(", ", names);
    return entries.size() > NAMES_SHOWN
        ? shown + " and " + (entries.size() - NAMES_SHOWN) + " more"
        : shown;
  }

  private static List<Path> journalEntries(Path journal) throws IOException {
    try (Stream<Path> entries = Files.list(journal)) {
      return entries
          .filter(entry -> !entry.getFileName().toString().equals(JournalLock.FILE_NAME))
          .sorted()
          .toList();
    }
  }
}
