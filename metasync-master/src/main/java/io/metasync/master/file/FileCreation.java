package io.metasync.master.file;

import io.metasync.common.NamespacePath;
import io.metasync.master.mount.UfsErrors;
import io.metasync.master.mount.UfsLocation;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A file being written: bytes go straight to the UFS; {@link #complete} takes the finished file
 * into the cache, {@link #abort} removes the partial file from the UFS. No lock is held while bytes
 * flow, so a long upload never blocks readers of its folder.
 */
public final class FileCreation {
  /**
   * Takes the file into the cache (or out of it when aborted); returns its status, null when
   * aborted.
   */
  interface Completion {
    PathStatus finish(NamespacePath path, UfsLocation location, boolean aborted);
  }

  private final NamespacePath path;
  private final UfsLocation location;
  private final OutputStream out;
  private final Completion completion;
  private boolean closed;

  FileCreation(NamespacePath path, UfsLocation location, OutputStream out, Completion completion) {
    this.path = path;
    this.location = location;
    this.out = out;
    this.completion = completion;
  }

  public NamespacePath path() {
    return path;
  }

  public void write(byte[] bytes) {
    try {
      out.write(bytes);
    } catch (IOException e) {
      abort();
      throw UfsErrors.translate(e, location);
    }
  }

  /** Closes the UFS file and returns its status as now cached. */
  public PathStatus complete() {
    try {
      closed = true;
      out.close();
    } catch (IOException e) {
      abort();
      throw UfsErrors.translate(e, location);
    }
    return completion.finish(path, location, false);
  }

  /**
   * Gives up: the partial file is deleted from the UFS and the cache. Safe to call more than once.
   */
  public void abort() {
    try {
      if (!closed) {
        closed = true;
        out.close();
      }
      location.ufs().delete(location.ufsPath(), false);
    } catch (IOException e) {
      // Best effort: the next sync shows whatever is left in the UFS.
    }
    completion.finish(path, location, true);
  }
}
