package io.metasync.ufs.hdfs;

import static java.util.Objects.requireNonNull;

import io.metasync.ufs.ChangeEvent;
import io.metasync.ufs.ChangeKind;
import java.util.Optional;
import org.apache.hadoop.hdfs.inotify.Event;

/**
 * Turns one HDFS inotify event, which names absolute paths anywhere in the namespace, into the
 * change it makes below one mount's root, on paths relative to that root. Events wholly outside the
 * root are dropped; a rename across the root's edge is what it looks like from inside: an arrival
 * (CREATE) or a departure (DELETE).
 */
final class InotifyEventTranslator {
  private final String rootPath;

  /**
   * @param rootPath the mount's absolute HDFS folder: {@code /} or {@code /a/b}
   */
  InotifyEventTranslator(String rootPath) {
    this.rootPath = requireNonNull(rootPath, "rootPath is null");
  }

  Optional<ChangeEvent> translate(Event event) {
    // a switch expression over Hadoop's enum: a kind added by a later Hadoop fails the build here
    // instead of being dropped unnoticed
    return switch (event.getEventType()) {
      case CREATE -> of(ChangeKind.CREATE, ((Event.CreateEvent) event).getPath());
      // CLOSE ends every write (a new file, an append, a lease recovery); TRUNCATE is the only word
      // of a truncation. Both change bytes that another client may read through metasync.
      case CLOSE -> of(ChangeKind.CONTENT, ((Event.CloseEvent) event).getPath());
      case APPEND -> of(ChangeKind.CONTENT, ((Event.AppendEvent) event).getPath());
      case TRUNCATE -> of(ChangeKind.CONTENT, ((Event.TruncateEvent) event).getPath());
      case METADATA -> of(ChangeKind.METADATA, ((Event.MetadataUpdateEvent) event).getPath());
      case UNLINK -> of(ChangeKind.DELETE, ((Event.UnlinkEvent) event).getPath());
      case RENAME -> rename((Event.RenameEvent) event);
    };
  }

  private Optional<ChangeEvent> of(ChangeKind kind, String hdfsPath) {
    return relative(hdfsPath).map(path -> ChangeEvent.of(kind, path));
  }

  private Optional<ChangeEvent> rename(Event.RenameEvent event) {
    Optional<String> source = relative(event.getSrcPath());
    Optional<String> destination = relative(event.getDstPath());
    if (source.isPresent() && destination.isPresent()) {
      return Optional.of(ChangeEvent.rename(source.get(), destination.get()));
    }
    if (source.isPresent()) {
      return Optional.of(ChangeEvent.of(ChangeKind.DELETE, source.get()));
    }
    return destination.map(path -> ChangeEvent.of(ChangeKind.CREATE, path));
  }

  /** {@code hdfsPath} relative to the root, or empty when it lies outside the root. */
  Optional<String> relative(String hdfsPath) {
    if (rootPath.equals("/")) {
      return Optional.of(hdfsPath);
    }
    if (hdfsPath.equals(rootPath)) {
      return Optional.of("/");
    }
    // "/data/x" is below "/data", "/database" is not
    if (hdfsPath.startsWith(rootPath) && hdfsPath.charAt(rootPath.length()) == '/') {
      return Optional.of(hdfsPath.substring(rootPath.length()));
    }
    return Optional.empty();
  }
}
