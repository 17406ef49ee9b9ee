package io.metasync.ufs.local;

import static java.util.Objects.requireNonNull;

import io.metasync.common.Folders;
import io.metasync.ufs.ExternalUfsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Changes a local folder with java.nio, as a shell command would, bypassing metasync. */
final class LocalFolderWriter implements ExternalUfsWriter {
  private final Path root;

  LocalFolderWriter(Path root) {
    this.root = requireNonNull(root, "root is null");
  }

  Path local(String path) {
    return path.equals("/") ? root : root.resolve(path.substring(1));
  }

  @Override
  public void createFile(String path, byte[] bytes) throws IOException {
    Files.write(local(path), bytes, StandardOpenOption.CREATE_NEW);
  }

  @Override
  public void createFolder(String path) throws IOException {
    Files.createDirectory(local(path));
  }

  @Override
  public void append(String path, byte[] bytes) throws IOException {
    Files.write(local(path), bytes, StandardOpenOption.APPEND);
  }

  @Override
  public void delete(String path) throws IOException {
    Path target = local(path);
    // As a UFS delete would: a missing path is an error, not a no-op.
    Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Folders.deleteRecursively(target);
  }

  @Override
  public void rename(String source, String destination) throws IOException {
    Files.move(local(source), local(destination));
  }

  @Override
  public void setMode(String path, int mode) throws IOException {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values();
    // PosixFilePermission lists OWNER_READ (0400) first, OTHERS_EXECUTE (0001) last.
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << (bits.length - 1 - i))) != 0) {
        permissions.add(bits[i]);
      }
    }
    Files.setPosixFilePermissions(local(path), permissions);
  }
}
