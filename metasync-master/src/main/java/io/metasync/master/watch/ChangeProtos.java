package io.metasync.master.watch;

import io.metasync.common.NamespacePath;
import io.metasync.proto.watch.ChangeType;
import io.metasync.proto.watch.WatchChange;
import io.metasync.proto.watch.WatchResponse;
import java.util.ArrayList;
import java.util.List;

/** Changes to and from their messages (the stream to watchers, the file of recent changes). */
public final class ChangeProtos {
  private ChangeProtos() {}

  public static WatchResponse toProto(EntryChanges entry) {
    WatchResponse.Builder response = WatchResponse.newBuilder().setIndex(entry.index());
    for (Change change : entry.changes()) {
      WatchChange.Builder proto =
          WatchChange.newBuilder()
              .setType(toProto(change.kind()))
              .setPath(change.path().toString());
      change.source().ifPresent(source -> proto.setSourcePath(source.toString()));
      response.addChanges(proto);
    }
    return response.build();
  }

  static EntryChanges fromProto(WatchResponse response) {
    List<Change> changes = new ArrayList<>(response.getChangesCount());
    for (WatchChange change : response.getChangesList()) {
      NamespacePath path = NamespacePath.parse(change.getPath());
      changes.add(
          switch (change.getType()) {
            case CREATED -> Change.of(Change.Kind.CREATED, path);
            case DELETED -> Change.of(Change.Kind.DELETED, path);
            case RENAMED -> Change.renamed(NamespacePath.parse(change.getSourcePath()), path);
            case METADATA -> Change.of(Change.Kind.METADATA, path);
            case CONTENT -> Change.of(Change.Kind.CONTENT, path);
            case CHANGE_TYPE_UNSPECIFIED, UNRECOGNIZED ->
                throw new IllegalArgumentException(
                    "a kept change of " + path + " has no known type: " + change.getTypeValue());
          });
    }
    return new EntryChanges(response.getIndex(), changes);
  }

  private static ChangeType toProto(Change.Kind kind) {
    return switch (kind) {
      case CREATED -> ChangeType.CREATED;
      case DELETED -> ChangeType.DELETED;
      case RENAMED -> ChangeType.RENAMED;
      case METADATA -> ChangeType.METADATA;
      case CONTENT -> ChangeType.CONTENT;
    };
  }
}
