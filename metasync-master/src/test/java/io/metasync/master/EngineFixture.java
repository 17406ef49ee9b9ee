package io.metasync.master;

import io.metasync.common.MetasyncConfiguration;
import io.metasync.common.PropertyKey;
import io.metasync.master.journal.InMemoryJournal;
import io.metasync.master.mount.UfsOpener;
import io.metasync.ufs.ManualClock;
import io.metasync.ufs.UnderFileSystem;
import io.metasync.ufs.UnderFileSystemLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * The namespace engine without a master process: a {@link Namespace} over a local folder, with the
 * heap inode store, an {@link InMemoryJournal} and a {@link ManualClock}, for small, fast tests of
 * syncs and writes. No Ratis, no gRPC, no port.
 */
public final class EngineFixture implements AutoCloseable {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ExecutorService syncExecutor = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService activeSyncThread =
      Executors.newSingleThreadScheduledExecutor();
  private final Namespace namespace;
  private InMemoryJournal journal;

  /** Over the local folder {@code ufsRoot}, with every UFS as the loader opens it. */
  public EngineFixture(Path ufsRoot) {
    this(ufsRoot, UnaryOperator.identity());
  }

  /** As {@link #EngineFixture(Path)}, with every UFS (the root's too) wrapped by {@code wrap}. */
  public EngineFixture(Path ufsRoot, UnaryOperator<UnderFileSystem> wrap) {
    MetasyncConfiguration conf =
        MetasyncConfiguration.of(
            Map.of(
                PropertyKey.MASTER_MOUNT_TABLE_ROOT_UFS.key(),
                ufsRoot.toString(),
                PropertyKey.MASTER_METASTORE.key(),
                "HEAP"));
    UnderFileSystemLoader loader = new UnderFileSystemLoader();
    UfsOpener opener = (uri, properties) -> wrap.apply(loader.open(uri, properties));
    namespace =
        new Namespace(
            conf,
            Namespace.openRootUfs(conf, opener),
            opener,
            state -> journal = new InMemoryJournal(state),
            new NamespaceThreads(syncExecutor, activeSyncThread, clock));
    namespace.takeOver();
  }

  public Namespace namespace() {
    return namespace;
  }

  public InMemoryJournal journal() {
    return journal;
  }

  public ManualClock clock() {
    return clock;
  }

  @Override
  public void close() {
    namespace.close();
    syncExecutor.shutdownNow();
    activeSyncThread.shutdownNow();
  }
}
