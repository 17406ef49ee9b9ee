package io.metasync.master.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metasync.common.FileType;
import io.metasync.common.NamespacePath;
import io.metasync.master.inode.Inode;
import io.metasync.ufs.Fingerprint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionCheckerTest {
  private final PermissionChecker checker = new PermissionChecker(true);
  private final Caller etl = new Caller("etl", Set.of("etl", "analysts"), false, "etl", "x");

  private static Inode folder(String name, String owner, String group, int mode) {
    return new Inode(
        2, 1, name, new Fingerprint(FileType.DIRECTORY, 0, 0, owner, group, mode, ""), true);
  }

  private static Inode file(String name, String owner, String group, int mode) {
    return new Inode(
        3, 2, name, new Fingerprint(FileType.FILE, 1, 0, owner, group, mode, ""), false);
  }

  private static NamespacePath path(String path) {
    return NamespacePath.parse(path);
  }

  @Test
  void ownerGroupAndOthersBitsApplyInThatOrder() {
    assertThatCode(() -> checker.check(etl, path("/f"), file("f", "etl", "x", 0400), Access.READ))
        .doesNotThrowAnyException();
    // the owner's bits apply to the owner even when the group's would allow more
    assertThatThrownBy(
            () -> checker.check(etl, path("/f"), file("f", "etl", "etl", 0040), Access.READ))
        .hasMessage("user etl may not read /f (owner etl, group etl, mode ----r-----)");
    assertThatCode(
            () -> checker.check(etl, path("/f"), file("f", "hive", "analysts", 0040), Access.READ))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> checker.check(etl, path("/f"), file("f", "hive", "hive", 0004), Access.READ))
        .doesNotThrowAnyException();
  }

  @Test
  void traversingNeedsExecuteOnEveryFolderAbove() {
    Inode root =
        new Inode(
            1, 0, "", new Fingerprint(FileType.DIRECTORY, 0, 0, "root", "root", 0755, ""), true);
    Inode home = folder("home", "hive", "hive", 0700);
    assertThatThrownBy(
            () ->
                checker.checkTraverse(
                    etl, path("/home/f"), List.of(root, home, file("f", "etl", "etl", 0644))))
        .hasMessage("user etl may not traverse /home (owner hive, group hive, mode drwx------)");
  }

  @Test
  void theStickyBitLetsOnlyOwnersRemove() {
    Inode tmp = folder("tmp", "root", "root", 01777);
    assertThatThrownBy(
            () ->
                checker.checkRemove(
                    etl, path("/tmp/f"), tmp, file("f", "hive", "hive", 0666), "delete"))
        .hasMessageContaining("has the sticky bit and f belongs to hive");
    assertThatCode(
            () ->
                checker.checkRemove(
                    etl, path("/tmp/f"), tmp, file("f", "etl", "etl", 0600), "delete"))
        .doesNotThrowAnyException();
  }

  @Test
  void chgrpTakesTheOwnerAndAGroupItIsIn() {
    Inode mine = file("f", "etl", "etl", 0644);
    assertThatCode(() -> checker.checkChown(etl, path("/f"), mine, null, "analysts"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> checker.checkChown(etl, path("/f"), mine, null, "wheel"))
        .hasMessage("user etl may not change the group of /f: it is not a member of group wheel");
    assertThatThrownBy(() -> checker.checkChown(etl, path("/f"), mine, "hive", null))
        .hasMessageContaining("only a superuser may");
  }

  @Test
  void superusersAndADisabledCheckerPassEverything() {
    Caller admin = new Caller("admin", Set.of(), true, "admin", "x");
    Inode locked = file("f", "hive", "hive", 0);
    assertThatCode(() -> checker.check(admin, path("/f"), locked, Access.READ))
        .doesNotThrowAnyException();
    assertThatCode(() -> new PermissionChecker(false).check(etl, path("/f"), locked, Access.READ))
        .doesNotThrowAnyException();
  }
}
