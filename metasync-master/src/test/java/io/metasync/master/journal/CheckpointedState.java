package io.metasync.master.journal;

import io.metasync.proto.journal.JournalEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link JournaledState} for tests whose snapshot keeps its entries in the snapshot's files
 * folder (as the RocksDB inode store keeps its checkpoint there), and only their count in the
 * snapshot file: a snapshot installed without its files folder cannot be loaded.
 */
final class CheckpointedState implements JournaledState {
  static final String CHECKPOINT_FILE = "names.bin";

  private final RecordingState names = new RecordingState();
  private int snapshotLoads;

  @Override
  public void apply(JournalEntry entry) {
    names.apply(entry);
  }

  @Override
  public void writeSnapshot(OutputStream out) {
    throw new UnsupportedOperationException("this state writes its snapshot with a files folder");
  }

  @Override
  public void loadSnapshot(InputStream in) {
    throw new UnsupportedOperationException("this state loads its snapshot with a files folder");
  }

  @Override
  public synchronized void writeSnapshot(OutputStream out, Path files) throws IOException {
    ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
    names.writeSnapshot(checkpoint);
    Files.createDirectories(files);
    Files.write(files.resolve(CHECKPOINT_FILE), checkpoint.toByteArray());
    new DataOutputStream(out).writeInt(names.names().size());
  }

  @Override
  public synchronized void loadSnapshot(InputStream in, Path files) throws IOException {
    int count = new DataInputStream(in).readInt();
    byte[] checkpoint = Files.readAllBytes(files.resolve(CHECKPOINT_FILE));
    names.loadSnapshot(new ByteArrayInputStream(checkpoint));
    if (names.names().size() != count) {
      throw new IOException("the checkpoint holds " + names.names().size() + " of " + count);
    }
    snapshotLoads++;
  }

  java.util.List<String> names() {
    return names.names();
  }

  /** Snapshots loaded: at start and each time Ratis installs one from the leader. */
  synchronized int snapshotLoads() {
    return snapshotLoads;
  }

  int loadedFromSnapshot() {
    return names.loadedFromSnapshot();
  }
}
