package io.metasync.master.file;

import io.metasync.common.NamespacePath;
import io.metasync.master.mount.UfsErrors;
import io.metasync.master.mount.UfsLocation;
import io.metasync.ufs.UfsOutputStream;
import io.metasync.ufs.UfsStatus;
import java.io.IOException;
import java.util.Optional;

/**
 * A file being written: bytes go straight to the UFS; {@link #complete} takes the finished file
 * into the cache, {@link #abort} removes the partial file from the UFS. No lock is held while bytes
 * flow, so a long upload never blocks readers of its folder.
 */
public final class FileCreation {
  /**
   * Takes the file, whose status the UFS gave on completion ({@code written}), into the cache, or
   * out of it when {@code written} is empty (aborted); returns its status, null when aborted.
   */
  interface Completion {
    PathStatus finish(NamespacePath path, UfsLocation location, Optional<UfsStatus> written);
  }

  private final NamespacePath path;
  private final UfsLocation location;
  private final UfsOutputStream out;
  private final Completion completion;
  private boolean closed;

  FileCreation(
      NamespacePath path, UfsLocation location, UfsOutputStream out, Completion completion) {
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
    UfsStatus written;
    try {
      closed = true;
      written = out.complete();
    } catch (IOException e) {
      abort();
      throw UfsErrors.translate(e, location);
    }
    return completion.finish(path, location, Optional.of(written));
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
    completion.finish(path, location, Optional.empty());
  }
}
