package io.metasync.ufs;

import io.metasync.common.FileType;
import java.io.InputStream;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A UFS whose root holds a fixed, sorted list of empty files and whose writes do nothing: just
 * enough for the decorators' tests.
 */
class StubUnderFileSystem implements UnderFileSystem {
  private final List<String> names;

  StubUnderFileSystem(String... names) {
    this.names = List.of(names).stream().sorted().toList();
  }

  static UfsStatus file(String name) {
    return new UfsStatus(name, new Fingerprint(FileType.FILE, 0, 1, "owner", "group", 0644, ""));
  }

  @Override
  public URI rootUri() {
    return URI.create("stub:///root");
  }

  @Override
  public Optional<UfsStatus> getStatus(String path) {
    return path.equals("/")
        ? Optional.of(
            new UfsStatus(
                "", new Fingerprint(FileType.DIRECTORY, 0, 1, "owner", "group", 0755, "")))
        : Optional.of(file(path.substring(1))).filter(status -> names.contains(status.name()));
  }

  @Override
  public UfsListing list(String path) {
    Iterator<String> iterator = names.iterator();
    return new UfsListing() {
      @Override
      public boolean hasNext() {
        return iterator.hasNext();
      }

      @Override
      public UfsStatus next() {
        if (!iterator.hasNext()) {
          throw new NoSuchElementException();
        }
        return file(iterator.next());
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public UfsStatus mkdir(String path, int mode) {
    return new UfsStatus(
        path.substring(1), new Fingerprint(FileType.DIRECTORY, 0, 1, "owner", "group", mode, ""));
  }

  @Override
  public UfsOutputStream create(String path, int mode) {
    return new UfsOutputStream() {
      @Override
      public void write(int b) {}

      @Override
      public UfsStatus complete() {
        return new UfsStatus(
            path.substring(1), new Fingerprint(FileType.FILE, 0, 1, "owner", "group", mode, ""));
      }
    };
  }

  @Override
  public InputStream open(String path, long offset) {
    return InputStream.nullInputStream();
  }

  @Override
  public void delete(String path, boolean recursive) {}

  @Override
  public void rename(String source, String destination) {}

  @Override
  public void setMode(String path, int mode) {}

  @Override
  public void setOwner(String path, String owner, String group) {}

  @Override
  public void close() {}
}
