package io.metasync.master.journal;

import io.metasync.proto.journal.JournalEntry;
import io.metasync.proto.journal.RemoveMount;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link JournaledState} for tests: the list of applied entries' names (each entry is a tiny
 * {@code RemoveMount} whose path is the name), how many entries were applied since the last
 * snapshot load, and a name whose apply throws.
 */
final class RecordingState implements JournaledState {
  static final String FAIL = "fail-here";
  private static final int MAGIC = 0x6d730001;

  private final List<String> names = new ArrayList<>();
  private int appliesSinceLoad;
  private int loadedFromSnapshot = -1;

  static JournalEntry entry(String name) {
    return JournalEntry.newBuilder().setRemoveMount(RemoveMount.newBuilder().setPath(name)).build();
  }

  @Override
  public synchronized void apply(JournalEntry entry) {
    String name = entry.getRemoveMount().getPath();
    if (name.equals(FAIL)) {
      throw new IllegalStateException("cannot apply " + name);
    }
    names.add(name);
    appliesSinceLoad++;
  }

  @Override
  public synchronized void writeSnapshot(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(MAGIC);
    data.writeInt(names.size());
    for (String name : names) {
      data.writeUTF(name);
    }
    data.flush();
  }

  @Override
  public synchronized void loadSnapshot(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    if (data.readInt() != MAGIC) {
      throw new IOException("not a snapshot of RecordingState");
    }
    int count = data.readInt();
    names.clear();
    for (int i = 0; i < count; i++) {
      names.add(data.readUTF());
    }
    appliesSinceLoad = 0;
    loadedFromSnapshot = count;
  }

  synchronized List<String> names() {
    return List.copyOf(names);
  }

  synchronized int appliesSinceLoad() {
    return appliesSinceLoad;
  }

  /** Entries the last loaded snapshot held, or -1 when none was loaded. */
  synchronized int loadedFromSnapshot() {
    return loadedFromSnapshot;
  }
}
