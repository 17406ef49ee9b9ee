package io.metasync.shell;

import static io.metasync.master.RpcCalls.NEVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.metasync.master.MasterFixture;
import io.metasync.master.RpcCalls;
import io.metasync.proto.SyncPointInfo;
import io.metasync.ufs.ForwardingUnderFileSystem;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.hdfs.HdfsUnderFileSystemFactory;
import io.metasync.ufs.hdfs.MiniHdfs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Active sync of an HDFS mount through a real master and a MiniDFSCluster: changes made with a
 * plain Hadoop client behind metasync's back show with interval -1 without any call asking HDFS,
 * including changes made while the master was down (the journaled txid cursor).
 */
class HdfsActiveSyncEndToEndTest {
  private static final Map<String, String> FAST =
      Map.of(
          "metasync.master.activesync.interval", "200ms", "metasync.master.activesync.maxage", "3");
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir static Path clusterFolder;
  @TempDir Path masterFolder;
  private static MiniHdfs hdfs;
  private static DistributedFileSystem client;

  @BeforeAll
  static void startCluster() throws IOException {
    hdfs = MiniHdfs.start(clusterFolder);
    client = hdfs.client();
  }

  @AfterAll
  static void stopCluster() {
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  void everyKindOfChangeByAHadoopClientShowsWithIntervalMinusOne() throws Exception {
    mkdirs("/kinds/watched/sub");
    write("/kinds/watched/existing", "hello");
    write("/kinds/watched/sub/inner", "inner");
    write("/kinds/watched/doomed", "doomed");
    try (MasterFixture master = MasterFixture.start(masterFolder, UnaryOperator.identity(), FAST)) {
      RpcCalls calls = new RpcCalls(master);
      calls.mount("/kinds", hdfs.uri("/kinds").toString(), false);
      startSync(master, "/kinds/watched");
      assertThat(calls.names("/kinds/watched", NEVER))
          .containsExactlyInAnyOrder("doomed", "existing", "sub");
      assertThat(calls.names("/kinds/watched/sub", NEVER)).containsExactly("inner");

      write("/kinds/watched/created", "created");
      append("/kinds/watched/existing", ", world");
      client.rename(hdfs("/kinds/watched/sub/inner"), hdfs("/kinds/watched/sub/renamed"));
      client.delete(hdfs("/kinds/watched/doomed"), false);
      client.setPermission(hdfs("/kinds/watched/sub/renamed"), new FsPermission((short) 0600));
      mkdirs("/kinds/watched/new/deeper");
      write("/kinds/watched/new/deeper/f", "f");

      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.names("/kinds/watched", NEVER))
                      .containsExactlyInAnyOrder("created", "existing", "new", "sub"));
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.stat("/kinds/watched/existing", NEVER).getLength())
                      .isEqualTo(12));
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.names("/kinds/watched/sub", NEVER)).containsExactly("renamed"));
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.stat("/kinds/watched/sub/renamed", NEVER).getMode())
                      .isEqualTo(0600));
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.names("/kinds/watched/new/deeper", NEVER)).containsExactly("f"));
      assertThat(calls.stat("/kinds/watched/created", NEVER).getLength()).isEqualTo(7);
      assertThat(syncPoints(master))
          .extracting(SyncPointInfo::getPath)
          .containsExactly("/kinds/watched");
    }
  }

  @Test
  void changesMadeWhileTheMasterWasDownShowAfterItsRestartWithoutAnyCall() throws Exception {
    mkdirs("/restart/watched/untouched");
    write("/restart/watched/before", "before");
    try (MasterFixture master = MasterFixture.start(masterFolder, UnaryOperator.identity(), FAST)) {
      RpcCalls calls = new RpcCalls(master);
      calls.mount("/restart", hdfs.uri("/restart").toString(), false);
      startSync(master, "/restart/watched");
      assertThat(calls.names("/restart/watched", NEVER)).containsExactly("before", "untouched");
      // one change applied while up, so that a cursor past the start is journaled
      write("/restart/watched/while-up", "up");
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.names("/restart/watched", NEVER))
                      .containsExactlyInAnyOrder("before", "untouched", "while-up"));
    }

    write("/restart/watched/while-down", "down");
    append("/restart/watched/before", " and after");
    client.delete(hdfs("/restart/watched/while-up"), false);

    Set<String> listed = ConcurrentHashMap.newKeySet();
    UnaryOperator<UnderFileSystem> recordListings = ufs -> new ListingRecorder(ufs, listed);
    try (MasterFixture master = MasterFixture.start(masterFolder, recordListings, FAST)) {
      RpcCalls calls = new RpcCalls(master);
      assertThat(syncPoints(master))
          .extracting(SyncPointInfo::getPath)
          .containsExactly("/restart/watched");
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.names("/restart/watched", NEVER))
                      .containsExactlyInAnyOrder("before", "untouched", "while-down"));
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.stat("/restart/watched/before", NEVER).getLength())
                      .isEqualTo(16));

      // resumed from the journaled txid: only the changed folder was listed again, not the whole
      // sync point as after lost events
      assertThat(listed)
          .as("listed after the restart")
          .contains("/watched")
          .doesNotContain("/watched/untouched");

      // and it goes on following the feed after the restart
      write("/restart/watched/after-restart", "x");
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(calls.names("/restart/watched", NEVER))
                      .containsExactlyInAnyOrder(
                          "after-restart", "before", "untouched", "while-down"));
    }
  }

  @Test
  void startSyncAsAUserOtherThanTheHdfsSuperuserFailsWithOneClearError() throws Exception {
    mkdirs("/nobody/watched");
    client.setPermission(hdfs("/nobody"), new FsPermission((short) 0777));
    client.setPermission(hdfs("/nobody/watched"), new FsPermission((short) 0777));
    try (MasterFixture master =
        MasterFixture.start(masterFolder, HdfsActiveSyncEndToEndTest::asNobody, FAST)) {
      RpcCalls calls = new RpcCalls(master);
      calls.mount("/nobody", hdfs.uri("/nobody").toString(), false);

      RpcCalls.assertFailsWith(
          () -> startSync(master, "/nobody/watched"),
          Status.Code.FAILED_PRECONDITION,
          "needs the HDFS superuser");
      assertThat(syncPoints(master)).isEmpty();
      // the master is still up and serving
      assertThat(calls.names("/nobody", NEVER)).containsExactly("watched");
    }
  }

  /** The master's HDFS client runs as the user "nobody" instead of the cluster's superuser. */
  private static UnderFileSystem asNobody(UnderFileSystem ufs) {
    if (!"hdfs".equals(ufs.rootUri().getScheme())) {
      return ufs;
    }
    try {
      ufs.close();
      return UserGroupInformation.createRemoteUser("nobody")
          .doAs(
              (PrivilegedExceptionAction<UnderFileSystem>)
                  () -> new HdfsUnderFileSystemFactory().create(ufs.rootUri(), Map.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Records the UFS paths a master lists, on every UFS. */
  private static final class ListingRecorder extends ForwardingUnderFileSystem {
    private final Set<String> listed;

    ListingRecorder(UnderFileSystem delegate, Set<String> listed) {
      super(delegate);
      this.listed = listed;
    }

    @Override
    public UfsListing list(String path) throws IOException {
      listed.add(path);
      return super.list(path);
    }
  }

  private static void startSync(MasterFixture master, String path) {
    new RpcCalls(master).startSync(path);
  }

  private static List<SyncPointInfo> syncPoints(MasterFixture master) {
    return new RpcCalls(master).syncPoints();
  }

  private static org.apache.hadoop.fs.Path hdfs(String path) {
    return new org.apache.hadoop.fs.Path(path);
  }

  private static void mkdirs(String path) throws IOException {
    client.mkdirs(hdfs(path));
  }

  private static void write(String path, String content) throws IOException {
    try (OutputStream out = client.create(hdfs(path), false)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void append(String path, String content) throws IOException {
    try (OutputStream out = client.append(hdfs(path))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }
}
