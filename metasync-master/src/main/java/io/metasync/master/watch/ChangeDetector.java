package io.metasync.master.watch;

import static java.util.Objects.requireNonNull;

import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.master.inode.InodeRecords;
import io.metasync.master.inode.InodeStore;
import io.metasync.proto.journal.InodeChange;
import io.metasync.proto.journal.InodeRecord;
import io.metasync.proto.journal.JournalEntry;
import io.metasync.ufs.Fingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells what a journal entry will change, as watchers see it, from the inodes before it is applied:
 * a put of a new inode is a creation, of a known one at another place a move (one change with both
 * paths), with another fingerprint a content or metadata change; a removal or a detach into the
 * trash is a deletion. Reads the store only, and runs on the apply thread, so it is as
 * deterministic as the apply: every master, and every replay, finds the same changes.
 *
 * <p>The changes of one entry build on each other (a folder created, then a file in it), so this
 * looks inodes up in what the entry's earlier changes did before it asks the store.
 */
final class ChangeDetector {
  private final InodeStore store;

  ChangeDetector(InodeStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /** The changes {@code entry} makes, in its order; empty for entries that change no path. */
  List<Change> changesOf(JournalEntry entry) {
    return switch (entry.getEntryCase()) {
      case INODES -> new Batch().inodeChanges(entry.getInodes().getChangesList());
      case ADD_MOUNT -> new Batch().put(entry.getAddMount().getMountInode());
      case REMOVE_MOUNT -> removedMount(NamespacePath.parse(entry.getRemoveMount().getPath()));
      case ADD_SYNC_POINT,
          REMOVE_SYNC_POINT,
          FEED_CURSOR,
          SET_PATH_CONF,
          UNSET_PATH_CONF,
          MASTER_ANNOUNCED,
          ENTRY_NOT_SET ->
          List.of();
    };
  }

  private List<Change> removedMount(NamespacePath path) {
    Optional<Inode> current = store.get(Inode.ROOT_ID);
    for (String name : path.components()) {
      if (current.isEmpty()) {
        return List.of();
      }
      current = store.getChild(current.get().id(), name);
    }
    return current.isPresent() ? List.of(Change.of(Change.Kind.DELETED, path)) : List.of();
  }

  /** The inodes as the entry's changes so far left them, over the store. */
  private final class Batch {
    /** An inode this entry put, or removed (empty). */
    private final Map<Long, Optional<Inode>> touched = new HashMap<>();

    /** Paths of folders found so far; forgotten when a folder moves or goes. */
    private final Map<Long, Optional<NamespacePath>> folderPaths = new HashMap<>();

    private final List<Change> changes = new ArrayList<>();

    List<Change> inodeChanges(List<InodeChange> inodeChanges) {
      for (InodeChange change : inodeChanges) {
        switch (change.getChangeCase()) {
          case PUT -> put(change.getPut());
          case REMOVE_SUBTREE -> remove(change.getRemoveSubtree());
          case DETACH_SUBTREE -> remove(change.getDetachSubtree());
          case REMOVE_INODES -> change.getRemoveInodes().getIdsList().forEach(this::forget);
          case FOLDER_SYNCED, FORGET_SYNC_TIMES, CHANGE_NOT_SET -> {}
        }
      }
      return changes;
    }

    List<Change> put(InodeRecord record) {
      Inode inode = InodeRecords.toInode(record);
      Optional<Inode> before = inode(inode.id());
      Optional<NamespacePath> oldPath = before.flatMap(this::pathOf);
      touched.put(inode.id(), Optional.of(inode));
      Optional<NamespacePath> newPath = pathOf(inode);
      if (before.isPresent() && before.get().isDirectory() && !oldPath.equals(newPath)) {
        folderPaths.clear(); // the paths below the folder moved with it
      }
      if (oldPath.isEmpty()) {
        newPath.ifPresent(path -> changes.add(Change.of(Change.Kind.CREATED, path)));
      } else if (newPath.isEmpty()) {
        changes.add(Change.of(Change.Kind.DELETED, oldPath.get()));
      } else {
        if (!oldPath.equals(newPath)) {
          changes.add(Change.renamed(oldPath.get(), newPath.get()));
        }
        fingerprintChange(before.get(), inode)
            .ifPresent(kind -> changes.add(Change.of(kind, newPath.get())));
      }
      return changes;
    }

    private void remove(long id) {
      inode(id)
          .flatMap(this::pathOf)
          .ifPresent(path -> changes.add(Change.of(Change.Kind.DELETED, path)));
      forget(id);
    }

    private void forget(long id) {
      touched.put(id, Optional.empty());
      folderPaths.clear();
    }

    private Optional<Inode> inode(long id) {
      Optional<Inode> mine = touched.get(id);
      return mine != null ? mine : store.get(id);
    }

    /**
     * Where {@code inode} is in the namespace; empty when in the trash or cut off from the root.
     */
    private Optional<NamespacePath> pathOf(Inode inode) {
      if (inode.id() == Inode.ROOT_ID) {
        return Optional.of(NamespacePath.ROOT);
      }
      return folderPath(inode.parentId()).map(parent -> parent.child(inode.name()));
    }

    private Optional<NamespacePath> folderPath(long id) {
      Optional<NamespacePath> known = folderPaths.get(id);
      if (known != null) {
        return known;
      }
      Optional<NamespacePath> path =
          id == Inode.TRASH_ID || id == Inode.NO_PARENT
              ? Optional.empty()
              : inode(id).flatMap(this::pathOf);
      folderPaths.put(id, path);
      return path;
    }
  }

  /**
   * A folder's modification time moves with every child added or removed, which its children's own
   * changes already tell; only its owner, group and mode are worth a change of its own.
   */
  private static Optional<Change.Kind> fingerprintChange(Inode before, Inode after) {
    Fingerprint.Change change = before.fingerprint().compare(after.fingerprint());
    if (change == Fingerprint.Change.CONTENT && before.isDirectory() && after.isDirectory()) {
      Fingerprint was = before.fingerprint();
      Fingerprint is = after.fingerprint();
      boolean metadata =
          !was.owner().equals(is.owner())
              || !was.group().equals(is.group())
              || was.mode() != is.mode();
      return metadata ? Optional.of(Change.Kind.METADATA) : Optional.empty();
    }
    return switch (change) {
      case NONE -> Optional.empty();
      case METADATA -> Optional.of(Change.Kind.METADATA);
      case CONTENT -> Optional.of(Change.Kind.CONTENT);
    };
  }
}
